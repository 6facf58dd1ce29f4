using TrioTest.MSTest;

namespace TrioTest.MSTest.Tests.Fixtures;

[TestClass]
public sealed class DataFixtures
{
    public static IEnumerable<object[]> Seconds => [[1], [3]];

    [AsyncTestMethod]
    [DataRow(1, 2)]
    [DataRow(2, 4)]
    [DataRow(3, 7)]
    public async Task Doubles(int value, int expected)
    {
        await Trio.CheckpointAsync();
        Where.Log("row");
        Assert.AreEqual(expected, value * 2);
    }

    [AsyncTestMethod]
    [DynamicData(nameof(Seconds))]
    public async Task Sleeps(int seconds)
    {
        await Trio.SleepAsync(TimeSpan.FromSeconds(seconds));
        Assert.AreEqual(TimeSpan.FromSeconds(seconds), Trio.CurrentTime);
    }
}
