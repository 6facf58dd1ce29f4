using TrioTest.Xunit.v3;

namespace TrioTest.Xunit.v3.Tests.Fixtures;

public sealed class BasicFixtures
{
    [AsyncTest]
    public async Task Passes_after_an_hour_of_virtual_sleep()
    {
        await Trio.SleepAsync(TimeSpan.FromHours(1));
        Assert.Equal(TimeSpan.FromHours(1), Trio.CurrentTime);
    }

    [AsyncTest]
    public async Task Fails()
    {
        await Trio.CheckpointAsync("before the failure");
        throw new InvalidOperationException("the fixture fails on purpose");
    }

    [AsyncTest]
    public async Task Hangs_inside_a_one_hour_FailAfter() =>
        await Trio.FailAfterAsync(TimeSpan.FromHours(1), async () => await Trio.SleepForeverAsync());

    [AsyncTest(Skip = "skipped on purpose")]
    public Task Skipped() => throw new InvalidOperationException("a skipped test must not run");

    [AsyncTest]
    public async ValueTask Returns_a_ValueTask() => await Trio.CheckpointAsync();

    [AsyncTest(Timeout = 60_000)]
    public async Task Has_an_xunit_Timeout_kept_on_the_loop()
    {
        await Trio.SleepAsync(TimeSpan.FromDays(0.5));
        Assert.True(Trio.IsInRun);
    }
}
