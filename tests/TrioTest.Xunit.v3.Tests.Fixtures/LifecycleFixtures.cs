using TrioTest.Xunit.v3;

namespace TrioTest.Xunit.v3.Tests.Fixtures;

/// <summary>A class fixture: xunit creates it once for the class and shares it, as usual.</summary>
public sealed class SharedCounter
{
    public int Schedules { get; set; }
}

public sealed class LifecycleFixtures : IAsyncLifetime, IClassFixture<SharedCounter>
{
    private readonly SharedCounter _counter;

    public LifecycleFixtures(SharedCounter counter)
    {
        _counter = counter;
        Where.Log("constructor");
    }

    public async ValueTask InitializeAsync()
    {
        await Trio.SleepAsync(TimeSpan.FromMinutes(1));
        Where.Log("initialize");
    }

    public async ValueTask DisposeAsync()
    {
        await Trio.CheckpointAsync();
        Where.Log("dispose");
    }

    [AsyncTest]
    public async Task Runs_every_stage_on_the_loop()
    {
        Where.Log("body");
        await Trio.SleepAsync(TimeSpan.FromHours(1));
        Assert.Equal(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1), Trio.CurrentTime);
    }

    [AsyncTest(Iterations = 3)]
    public async Task Gets_a_fresh_instance_per_schedule_and_the_shared_fixture()
    {
        await Trio.CheckpointAsync();
        _counter.Schedules++;
        TestContext.Current.TestOutputHelper!.WriteLine($"instance {System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this)} fixture {System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(_counter)}");
    }
}
