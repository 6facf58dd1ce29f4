using Xunit;

namespace TrioTest.Xunit.Tests.Fixtures;

public sealed class TheoryFixtures
{
    public static TheoryData<int> Counts => [1, 3];

    public static IEnumerable<object[]> Unserializable => [[new Widget(2)], [new Widget(5)]];

    [AsyncTheory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(3, 7)]
    public async Task Doubles(int value, int expected)
    {
        await Trio.CheckpointAsync();
        Observations.Add("theory-where", Observations.Where());
        Assert.Equal(expected, value * 2);
    }

    [AsyncTheory]
    [MemberData(nameof(Counts))]
    public async Task Sleeps(int seconds)
    {
        await Trio.SleepAsync(TimeSpan.FromSeconds(seconds));
        Assert.Equal(TimeSpan.FromSeconds(seconds), Trio.CurrentTime);
    }

    [AsyncTheory]
    [ClassData(typeof(Evens))]
    public Task Even(int value) => value % 2 == 0 ? Task.CompletedTask : throw new InvalidOperationException($"{value} is odd");

    [AsyncTheory]
    [MemberData(nameof(Unserializable))]
    public async Task Widgets(Widget widget)
    {
        await Trio.CheckpointAsync();
        Observations.Add("widgets", $"{widget.Size} {Observations.Where().StartsWith("loop", StringComparison.Ordinal)}");
    }

    public sealed class Evens : TheoryData<int>
    {
        public Evens()
        {
            Add(2);
            Add(4);
        }
    }

    public sealed record Widget(int Size);
}
