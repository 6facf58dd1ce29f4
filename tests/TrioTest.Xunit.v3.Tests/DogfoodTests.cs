using TrioTest.Xunit.v3;

namespace TrioTest.Xunit.v3.Tests;

/// <summary>[AsyncTest] used in earnest, under VSTest: these run on the loop in this very test run.</summary>
public sealed class DogfoodTests : IAsyncLifetime
{
    private TimeSpan _initializedAt = TimeSpan.MinValue;

    public async ValueTask InitializeAsync()
    {
        await Trio.SleepAsync(TimeSpan.FromSeconds(30));
        _initializedAt = Trio.CurrentTime;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [AsyncTest]
    public async Task Timeouts_take_no_real_time()
    {
        bool finished = await Trio.MoveOnAfterAsync(TimeSpan.FromSeconds(10), () => Trio.SleepAsync(TimeSpan.FromSeconds(20)).AsTask());

        finished.Should().BeFalse();
        Trio.CurrentTime.Should().Be(TimeSpan.FromSeconds(40));
        _initializedAt.Should().Be(TimeSpan.FromSeconds(30));
    }

    [AsyncTheory(Iterations = 20)]
    [InlineData(2)]
    [InlineData(5)]
    public async Task Workers_share_a_counter_under_a_lock(int workers)
    {
        int counter = 0;
        var gate = new AsyncLock("counter");

        await Nursery.RunAsync(nursery =>
        {
            for (int i = 0; i < workers; i++)
            {
                nursery.StartSoon(async () =>
                {
                    using (await gate.LockAsync())
                    {
                        int read = counter;
                        await Trio.CheckpointAsync("read");
                        counter = read + 1;
                    }
                });
            }

            return Task.CompletedTask;
        });

        counter.Should().Be(workers);
    }
}
