namespace TrioTest.Core.Tests.Time;

/// <summary>
/// Registrations dropped before their deadlines (a sleep cancelled, a scope left, a timer changed) stay in the heap as
/// stale entries until a prune: these runs drop thousands at the same instant and check that the heap stays small.
/// </summary>
public sealed class StaleTimerTests
{
    private const int Drops = 20_000;

    /// <summary>The heap may hold the live entries, plus up to as many stale ones (a prune runs past half), plus the minimum below which it never prunes.</summary>
    private const int Bound = 2 * 1024;

    [Fact]
    public void SleepsCancelledBeforeTheirDeadlines_DoNotPileUpInTheTimerHeap()
    {
        int most = VirtualRun.Run(async () =>
        {
            int largest = 0;
            for (int i = 0; i < Drops; i++)
            {
                await Nursery.RunAsync(nursery =>
                {
                    nursery.StartSoon(() => Trio.SleepAsync(TimeSpan.FromDays(1)), "sleeper");
                    nursery.StartSoon(async () =>
                    {
                        await Trio.CheckpointAsync();
                        nursery.CancelScope.Cancel();
                    }, "canceller");
                    return Task.CompletedTask;
                });
                largest = Math.Max(largest, TimerEntries());
            }

            return largest;
        });

        Assert.InRange(most, 1, Bound);
    }

    [Fact]
    public void ScopesLeftBeforeTheirDeadlines_DoNotPileUpInTheTimerHeap()
    {
        (int most, TimeSpan end) = VirtualRun.Run(async () =>
        {
            int largest = 0;
            for (int i = 0; i < Drops; i++)
            {
                await Trio.MoveOnAfterAsync(TimeSpan.FromDays(1), () => Trio.CheckpointAsync());
                largest = Math.Max(largest, TimerEntries());
            }

            return (largest, Trio.CurrentTime);
        });

        Assert.InRange(most, 1, Bound);
        Assert.Equal(TimeSpan.Zero, end);
    }

    [Fact]
    public void TimersChangedBeforeTheyFire_DoNotPileUpInTheTimerHeap_AndTheLastChangeStillFires()
    {
        (int most, TimeSpan firedAt) = VirtualRun.Run(async () =>
        {
            TimeSpan fired = TimeSpan.MinValue;
            using ITimer timer = Trio.TimeProvider.CreateTimer(_ => fired = Trio.CurrentTime, null, TimeSpan.FromDays(1), Timeout.InfiniteTimeSpan);
            int largest = 0;
            for (int i = 0; i < Drops; i++)
            {
                timer.Change(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(i), Timeout.InfiniteTimeSpan);
                largest = Math.Max(largest, TimerEntries());
            }

            await Trio.SleepAsync(TimeSpan.FromDays(2));
            return (largest, fired);
        });

        Assert.InRange(most, 1, Bound);
        Assert.Equal(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(Drops - 1), firedAt);
    }

    private static int TimerEntries() => Runner.GetCurrent("the test").TimerEntries;
}
