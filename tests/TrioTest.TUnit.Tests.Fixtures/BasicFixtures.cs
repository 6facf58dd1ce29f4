using TrioTest.TUnit;

namespace TrioTest.TUnit.Tests.Fixtures;

public sealed class BasicFixtures
{
    [Test, AsyncTest]
    public async Task Passes_after_an_hour_of_virtual_sleep()
    {
        await Trio.SleepAsync(TimeSpan.FromHours(1));
        if (Trio.CurrentTime != TimeSpan.FromHours(1))
        {
            throw new InvalidOperationException($"virtual time {Trio.CurrentTime}");
        }
    }

    [Test, AsyncTest]
    public async Task Fails()
    {
        await Trio.CheckpointAsync("before the failure");
        throw new InvalidOperationException("the fixture fails on purpose");
    }

    [Test, AsyncTest]
    public async Task Hangs_inside_a_one_hour_FailAfter() =>
        await Trio.FailAfterAsync(TimeSpan.FromHours(1), async () => await Trio.SleepForeverAsync());

    [Test, AsyncTest, Skip("skipped on purpose")]
    public Task Skipped() => throw new InvalidOperationException("a skipped test must not run");

    [Test, AsyncTest]
    public async ValueTask Returns_a_ValueTask() => await Trio.CheckpointAsync();
}
