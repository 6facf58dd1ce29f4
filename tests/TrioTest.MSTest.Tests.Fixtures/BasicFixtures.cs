using TrioTest.MSTest;

namespace TrioTest.MSTest.Tests.Fixtures;

[TestClass]
public sealed class BasicFixtures
{
    [AsyncTestMethod]
    public async Task Passes_after_an_hour_of_virtual_sleep()
    {
        await Trio.SleepAsync(TimeSpan.FromHours(1));
        Assert.AreEqual(TimeSpan.FromHours(1), Trio.CurrentTime);
    }

    [AsyncTestMethod]
    public async Task Fails()
    {
        await Trio.CheckpointAsync("before the failure");
        throw new InvalidOperationException("the fixture fails on purpose");
    }

    [AsyncTestMethod]
    public async Task Fails_an_assertion()
    {
        int sum = await Task.FromResult(1 + 2);
        Assert.AreEqual(2, sum, "one plus two");
    }

    [AsyncTestMethod]
    public async Task Hangs_inside_a_one_hour_FailAfter() =>
        await Trio.FailAfterAsync(TimeSpan.FromHours(1), async () => await Trio.SleepForeverAsync());

    [AsyncTestMethod]
    [Ignore("skipped on purpose")]
    public Task Skipped() => throw new InvalidOperationException("a skipped test must not run");

    [AsyncTestMethod]
    public async ValueTask Returns_a_ValueTask() => await Trio.CheckpointAsync();

    [AsyncTestMethod]
    public async Task Takes_the_loops_CancellationToken(CancellationToken cancellationToken)
    {
        await Trio.CheckpointAsync();
        Assert.AreEqual(Trio.CancellationToken, cancellationToken);
    }
}
