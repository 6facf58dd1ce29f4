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

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomAddsRemovesAndPrunes_AlwaysYieldTheLiveEntryFirstInDeadlineThenSequenceOrder(int seed)
    {
        var random = new DeterministicRandom((ulong)seed);
        var heap = new TimerHeap();
        var model = new SortedSet<(long Ticks, long Sequence, Target Target, long Generation)>();
        long sequence = 0;

        for (int op = 0; op < 20_000; op++)
        {
            int roll = random.NextInt32(100);
            if (roll < 55)
            {
                // Few distinct deadlines, so ties are common and the sequence has to break them.
                var target = new Target();
                long ticks = random.NextInt32(500);
                heap.Add(target, target.TimerGeneration, ticks, ++sequence);
                model.Add((ticks, sequence, target, target.TimerGeneration));
            }
            else if (roll < 70 && model.Count > 0)
            {
                // A cancelled registration: the entry stays in the heap, stale, until it surfaces or a prune drops it.
                var entry = model.ElementAt(random.NextInt32(model.Count));
                entry.Target.TimerGeneration++;
            }
            else if (roll < 72)
            {
                int left = heap.RemoveStale();
                model.RemoveWhere(entry => entry.Target.TimerGeneration != entry.Generation);
                Assert.Equal(model.Count, left);
            }
            else if (heap.TryPeek(out ITimerTarget target, out long generation, out long ticks))
            {
                var first = model.Min;
                Assert.Same(first.Target, target);
                Assert.Equal(first.Generation, generation);
                Assert.Equal(first.Ticks, ticks);
                heap.RemoveFirst();
                model.Remove(first);
            }

            Assert.Equal(model.Count, heap.Count);
        }
    }

    [Fact]
    public void NewHeap_AllocatesNoArrays_UntilTheFirstEntry()
    {
        // Each run leaves an empty heap behind for its late registrations: thousands of schedules a second create one.
        _ = new TimerHeap();
        long before = GC.GetAllocatedBytesForCurrentThread();
        var heap = new TimerHeap();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var target = new Target();
        heap.Add(target, target.TimerGeneration, ticks: 1, sequence: 1);

        Assert.True(allocated <= 128, $"an empty heap allocated {allocated} B");
        Assert.Equal(16, heap.Capacity);
    }

    [Fact]
    public void Clear_LetsGoOfEveryTarget_AndTheHeapWorksAfterwards()
    {
        var heap = new TimerHeap();
        WeakReference registered = AddUnreferencedTarget(heap, ticks: 5);

        heap.Clear();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var next = new Target();
        heap.Add(next, next.TimerGeneration, ticks: 1, sequence: 2);

        Assert.False(registered.IsAlive, "a cleared heap still referenced a target");
        Assert.True(heap.TryPeek(out ITimerTarget first, out _, out long ticks));
        Assert.Same(next, first);
        Assert.Equal(1, ticks);
        Assert.Equal(1, heap.Count);
    }

    [Fact]
    public void RemoveFirst_LetsGoOfTheTargetItFired()
    {
        var heap = new TimerHeap();
        WeakReference registered = AddUnreferencedTarget(heap, ticks: 5);
        var later = new Target();
        heap.Add(later, later.TimerGeneration, ticks: 9, sequence: 2);

        heap.RemoveFirst();
        GC.Collect();
        GC.WaitForPendingFinalizers();

        Assert.False(registered.IsAlive, "the heap still referenced a target after its entry was removed");
        Assert.True(heap.TryPeek(out ITimerTarget first, out _, out _));
        Assert.Same(later, first);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference AddUnreferencedTarget(TimerHeap heap, long ticks)
    {
        var target = new Target();
        heap.Add(target, target.TimerGeneration, ticks, sequence: 1);
        return new WeakReference(target);
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

    /// <summary>A timer target whose generation the test moves by hand; compared by identity.</summary>
    private sealed class Target : ITimerTarget, IComparable<Target>
    {
        private static int s_created;

        private readonly int _order = Interlocked.Increment(ref s_created);

        public long TimerGeneration { get; set; }

        public void OnTimerFired(TimeSpan due) => throw new InvalidOperationException("the heap never fires a target");

        public int CompareTo(Target? other) => _order.CompareTo(other?._order ?? 0);
    }
}
