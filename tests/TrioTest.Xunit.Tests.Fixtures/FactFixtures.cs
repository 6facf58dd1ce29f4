using TrioTest.Testing;
using Xunit;
using Xunit.Abstractions;

namespace TrioTest.Xunit.Tests.Fixtures;

public sealed class FactFixtures : IAsyncLifetime, IDisposable
{
    private readonly ITestOutputHelper _output;

    public FactFixtures(ITestOutputHelper output)
    {
        _output = output;
        Observations.Add("ctor", Observations.Where());
    }

    public Task InitializeAsync()
    {
        Observations.Add("initialize", Observations.Where());
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Observations.Add("dispose-async", Observations.Where());
        return Task.CompletedTask;
    }

    public void Dispose() => Observations.Add("dispose", Observations.Where());

    [AsyncTest]
    public async Task Passes()
    {
        Observations.Add("body", Observations.Where());
        await Trio.SleepAsync(TimeSpan.FromHours(1));
        Assert.Equal(TimeSpan.FromHours(1), Trio.CurrentTime);
    }

    [AsyncTest]
    public async Task Fails()
    {
        await Trio.CheckpointAsync("before the failure");
        throw new InvalidOperationException("the fixture fails on purpose");
    }

    /// <summary>Holds <see cref="Blocks_the_loop_until_released"/>'s thread until the test that runs it has its result.</summary>
    public static ManualResetEventSlim LoopBlocker { get; } = new();

    [AsyncTest(BlockedLoopTimeout = 200)]
    public Task Blocks_the_loop_until_released()
    {
        // Blocks its thread, and with it every task on the loop, until released (at most a minute, should the test never release it).
        LoopBlocker.Wait(TimeSpan.FromMinutes(1));
        return Task.CompletedTask;
    }

    [AsyncTest]
    public async Task Hangs_inside_a_one_hour_FailAfter()
    {
        await Trio.FailAfterAsync(TimeSpan.FromHours(1), async () => await Trio.SleepForeverAsync());
    }

    [AsyncTest]
    public async Task Writes_output()
    {
        _output.WriteLine($"hello from seed {TrioTestContext.Current.Seed}");
        await Trio.CheckpointAsync();
    }

    [AsyncTest(Skip = "skipped on purpose")]
    public Task Skipped() => throw new InvalidOperationException("a skipped test must not run");

    [AsyncTest(DisplayName = "A custom display name")]
    public Task Named() => Task.CompletedTask;

    [AsyncTest(Iterations = 7)]
    public Task Gets_a_fresh_instance_per_schedule()
    {
        Observations.Add("instances", $"{GetHashCode()}");
        return Task.CompletedTask;
    }

    [AsyncTest]
    public async ValueTask Returns_a_ValueTask() => await Trio.CheckpointAsync();
}
