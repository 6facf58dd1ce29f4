using TrioTest.TUnit;

namespace TrioTest.TUnit.Tests.Fixtures;

public sealed class LifecycleFixtures
{
    [Before(Test)]
    public async Task SetUpAsync()
    {
        await Trio.SleepAsync(TimeSpan.FromMinutes(1));
        Where.Log("before");
    }

    [After(Test)]
    public async Task TearDownAsync()
    {
        await Trio.CheckpointAsync();
        Where.Log("after");
    }

    [Test, AsyncTest]
    public async Task Runs_set_up_and_body_on_the_loop()
    {
        Where.Log("body");
        await Trio.SleepAsync(TimeSpan.FromHours(1));
        if (Trio.CurrentTime != TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1))
        {
            throw new InvalidOperationException($"virtual time {Trio.CurrentTime}");
        }
    }

    [Test, AsyncTest(Iterations = 3)]
    public async Task Runs_set_up_in_every_schedule()
    {
        await Trio.CheckpointAsync();
        Where.Log("schedule");
    }
}
