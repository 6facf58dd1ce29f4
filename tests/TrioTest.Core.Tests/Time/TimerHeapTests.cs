using System.Runtime.CompilerServices;

namespace TrioTest.Core.Tests.Time;

/// <summary>
/// The run's timer heap drops entries whose owners are gone (an exited scope, a cancelled sleep) once they pile up, and
/// keeps every live one in (deadline, creation) order however many prunes pass over it.
/// </summary>
public sealed class TimerHeapTests
{
    [Fact]
    public void ScopesThatExitBeforeTheirDeadlines_AreNotKeptAliveByTheHeap()
    {
        bool collected = VirtualRun.Run(async () =>
        {
            WeakReference first = await EnterAndExitScopeWithDeadlineAsync();
            for (int i = 0; i < 5_000; i++)
            {
                await EnterAndExitScopeWithDeadlineAsync();
            }

            GC.Collect();
            GC.WaitForPendingFinalizers();
            return !first.IsAlive;
        });

        Assert.True(collected, "a scope that exited an hour before its deadline was still referenced after 5,000 more registrations");
    }

    [Fact]
    public void SleepersAmongStaleEntries_WakeAtTheirDeadlines_InDeadlineOrder()
    {
        var random = new DeterministicRandom(7);
        TimeSpan[] deadlines = Enumerable.Range(0, 3_000).Select(_ => TimeSpan.FromMilliseconds(1 + random.NextInt32(1_000_000))).ToArray();
        var woke = new List<(TimeSpan Deadline, TimeSpan At)>();

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            foreach (TimeSpan deadline in deadlines)
            {
                nursery.StartSoon(async () =>
                {
                    await Trio.SleepUntilAsync(deadline);
                    woke.Add((deadline, Trio.CurrentTime));
                }, "sleeper");

                // Stale entries between the live ones, so the heap is rebuilt around the sleepers.
                await EnterAndExitScopeWithDeadlineAsync();
                await Trio.CheckpointAsync();
            }
        }));

        Assert.Equal(deadlines.Length, woke.Count);
        Assert.All(woke, wake => Assert.Equal(wake.Deadline, wake.At));
        Assert.Equal(deadlines.Order(), woke.Select(wake => wake.Deadline));
    }

    [Fact]
    public void TiedDeadlines_FireInTheOrderTheirTimersWereCreated()
    {
        var order = new List<int>();

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            for (int i = 0; i < 2_500; i++)
            {
                int index = i;
                nursery.StartSoon(() => SleepThenRecordAsync(order, index), "sleeper");
                await EnterAndExitScopeWithDeadlineAsync();
                await Trio.CheckpointAsync();
            }
        }), strategy: ScheduleStrategy.Fifo);

        Assert.Equal(Enumerable.Range(0, 2_500), order);
    }

    private static async Task SleepThenRecordAsync(List<int> order, int index)
    {
        await Trio.SleepUntilAsync(TimeSpan.FromMinutes(1));
        order.Add(index);
    }

    /// <summary>Enters a scope with a deadline an hour away and exits it at once, leaving a stale heap entry behind.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<WeakReference> EnterAndExitScopeWithDeadlineAsync()
    {
        var scope = new CancelScope { Deadline = Trio.CurrentTime + TimeSpan.FromHours(1) };
        await scope.RunAsync(() => Task.CompletedTask);
        return new WeakReference(scope);
    }
}
