using TrioTest.Xunit.v3;

namespace TrioTest.Xunit.v3.Tests.Fixtures;

public sealed class TheoryFixtures
{
    public static TheoryData<int> Seconds => [1, 3];

    public static IEnumerable<object[]> Widgets => [[new Widget(2)], [new Widget(5)]];

    [AsyncTheory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(3, 7)]
    public async Task Doubles(int value, int expected)
    {
        await Trio.CheckpointAsync();
        Where.Log("row");
        Assert.Equal(expected, value * 2);
    }

    [AsyncTheory]
    [MemberData(nameof(Seconds))]
    public async Task Sleeps(int seconds)
    {
        await Trio.SleepAsync(TimeSpan.FromSeconds(seconds));
        Assert.Equal(TimeSpan.FromSeconds(seconds), Trio.CurrentTime);
    }

    [AsyncTheory]
    [MemberData(nameof(Widgets))]
    public async Task Unserializable_rows(Widget widget)
    {
        await Trio.SleepAsync(TimeSpan.FromSeconds(widget.Size));
        Where.Log($"widget {widget.Size}");
    }

    public sealed record Widget(int Size);
}
