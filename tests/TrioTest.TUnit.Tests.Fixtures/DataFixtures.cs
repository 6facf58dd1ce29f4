using TrioTest.TUnit;

namespace TrioTest.TUnit.Tests.Fixtures;

public sealed class DataFixtures
{
    public static IEnumerable<int> Seconds() => [1, 3];

    [Test, AsyncTest]
    [Arguments(1, 2)]
    [Arguments(2, 4)]
    [Arguments(3, 7)]
    public async Task Doubles(int value, int expected)
    {
        await Trio.CheckpointAsync();
        Where.Log("row");
        if (value * 2 != expected)
        {
            throw new InvalidOperationException($"{value} * 2 is {value * 2}, not {expected}");
        }
    }

    [Test, AsyncTest]
    [MethodDataSource(nameof(Seconds))]
    public async Task Sleeps(int seconds)
    {
        await Trio.SleepAsync(TimeSpan.FromSeconds(seconds));
        if (Trio.CurrentTime != TimeSpan.FromSeconds(seconds))
        {
            throw new InvalidOperationException($"virtual time {Trio.CurrentTime}");
        }
    }
}
