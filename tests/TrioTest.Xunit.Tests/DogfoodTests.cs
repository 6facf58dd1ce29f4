using TrioTest.Testing;

namespace TrioTest.Xunit.Tests;

/// <summary>[AsyncTest] used in earnest: these run through the real VSTest adapter with the rest of the suite.</summary>
public sealed class DogfoodTests
{
    [AsyncTest]
    public async Task Timeouts_take_no_real_time()
    {
        bool finished = await Trio.MoveOnAfterAsync(TimeSpan.FromSeconds(10), () => Trio.SleepAsync(TimeSpan.FromSeconds(20)).AsTask());

        finished.Should().BeFalse();
        Trio.CurrentTime.Should().Be(TimeSpan.FromSeconds(10));
    }

    [AsyncTest(Iterations = 20)]
    public async Task Children_interleave_and_the_trace_shows_it()
    {
        await Nursery.RunAsync(nursery =>
        {
            nursery.StartSoon(() => Trio.CheckpointAsync("connect").AsTask(), "a");
            nursery.StartSoon(async () =>
            {
                await Trio.SleepAsync(TimeSpan.FromSeconds(1));
                await Trio.CheckpointAsync("send");
            }, "b");
            return Task.CompletedTask;
        });

        TrioTestContext.Current.Trace.Should().HavePointBefore("a:connect", "b:send", "b sleeps first");
    }

    [AsyncTheory]
    [InlineData(1)]
    [InlineData(60)]
    public async Task Sleeps_advance_virtual_time(int seconds)
    {
        await Trio.SleepAsync(TimeSpan.FromSeconds(seconds));

        Trio.CurrentTime.Should().Be(TimeSpan.FromSeconds(seconds));
    }
}
