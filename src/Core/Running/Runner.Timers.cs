namespace TrioTest;

/// <summary>The timer heap: every deadline of the run (sleeps, cancel scopes, <see cref="TimeProvider"/> timers) keyed by (deadline, sequence).</summary>
internal sealed partial class Runner
{
    /// <summary>The most entries a heap may hold to be kept for the thread's next run (about 2.5 MB).</summary>
    private const int MaxSpareTimerCapacity = 1 << 16;

    /// <summary>
    /// The heap a finished run on this thread left, emptied, for the next: ten thousand sleepers grow a heap into the large
    /// object heap, and allocating one per run made every such run pay for a full collection.
    /// </summary>
    [ThreadStatic]
    private static TimerHeap? s_spareTimers;

    /// <summary>Pending timers. Ties on the deadline break by creation sequence, never by identity or hash.</summary>
    private TimerHeap _timers = TakeSpareTimers();

    /// <summary>The heap size below which stale entries are left alone.</summary>
    private const int MinimumPruneSize = 1024;

    /// <summary>
    /// How many entries in the heap are stale: a target counts its registration here when it drops it (a sleep woken
    /// early, a scope exited, a timer changed), and a stale entry that reaches the top is taken off the count.
    /// </summary>
    private int _staleTimers;

    /// <summary>The sequence number of the last timer registered.</summary>
    private long _timerSequence;

    /// <summary>Takes the thread's spare heap, or creates one.</summary>
    private static TimerHeap TakeSpareTimers()
    {
        TimerHeap? spare = s_spareTimers;
        s_spareTimers = null;
        return spare ?? new();
    }

    /// <summary>At the end of the run: leaves the heap, emptied, for the thread's next run, and keeps an empty one of its own (late registrations land there).</summary>
    private void ReleaseTimers()
    {
        TimerHeap timers = _timers;
        _timers = new();
        _staleTimers = 0;
        timers.Clear();
        if (timers.Capacity <= MaxSpareTimerCapacity)
        {
            s_spareTimers = timers;
        }
    }

    /// <summary>Registers <paramref name="target"/> to fire at <paramref name="deadline"/>, as long as its generation stays <paramref name="generation"/>.</summary>
    internal void AddTimer(ITimerTarget target, long generation, TimeSpan deadline)
    {
        if (_staleTimers > _timers.Count / 2 && _timers.Count >= MinimumPruneSize)
        {
            PruneStaleTimers();
        }

        _timers.Add(target, generation, deadline.Ticks, ++_timerSequence);
    }

    /// <summary>Hears from a target that the registration it had in the heap is now stale.</summary>
    internal void TimerDropped() => _staleTimers++;

    /// <summary>Gets how many entries the timer heap holds, stale ones included.</summary>
    internal int TimerEntries => _timers.Count;

    /// <summary>
    /// Drops every stale entry (a cancelled sleep, an exited scope, a disposed timer), so they do not pile up (and keep
    /// their targets alive) until their deadlines. It runs once more than half the heap is stale, so the cost is O(1)
    /// amortized per dropped registration, and ten thousand live sleepers never pay for a scan that finds nothing.
    /// </summary>
    private void PruneStaleTimers()
    {
        _timers.RemoveStale();
        _staleTimers = 0;
    }

    /// <summary>Takes a stale entry that left the heap from the top off the count.</summary>
    private void StaleTimerRemoved()
    {
        if (_staleTimers > 0)
        {
            _staleTimers--;
        }
    }

    /// <summary>Gets the next live deadline, dropping stale entries from the top of the heap.</summary>
    /// <returns>The deadline, or <see langword="null"/> if no timer is pending.</returns>
    internal TimeSpan? PeekNextDeadline()
    {
        while (_timers.TryPeek(out ITimerTarget target, out long generation, out long ticks))
        {
            if (target.TimerGeneration == generation)
            {
                return new TimeSpan(ticks);
            }

            _timers.RemoveFirst();
            StaleTimerRemoved();
        }

        return null;
    }

    /// <summary>Fires every live timer that is due, in (deadline, sequence) order, with no synchronization context current.</summary>
    /// <returns><see langword="true"/> if any timer fired.</returns>
    private bool ExpireTimers()
    {
        // The loop asks every pass: most passes have nothing due, and those leave the thread's context alone.
        if (!_timers.TryPeekTicks(out long first))
        {
            return false;
        }

        long now = Clock.Now.Ticks;
        if (first > now)
        {
            return false;
        }

        bool fired = false;
        _currentTask = null;
        SynchronizationContext.SetSynchronizationContext(null);
        while (_fatal is null && _timers.TryPeek(out ITimerTarget target, out long generation, out long ticks) && ticks <= now)
        {
            _timers.RemoveFirst();
            if (target.TimerGeneration != generation)
            {
                StaleTimerRemoved();
                continue;
            }

            fired = true;
            try
            {
                target.OnTimerFired(new TimeSpan(ticks));
                if (_tokensToCancel.Count != 0)
                {
                    FlushTokenCancellations();
                }
            }
            catch (Exception e)
            {
                Fail(new InvalidOperationException(
                    $"A timer callback threw {e.GetType().Name}: {e.Message}. Timer callbacks must not throw; catch the exception inside the callback.", e));
            }
        }

        return fired;
    }

    /// <summary>Moves the virtual clock to <paramref name="deadline"/> and fires what is due, unless that would pass the virtual-time limit.</summary>
    private void Autojump(TimeSpan deadline)
    {
        TimeSpan limit = _options.VirtualTimeLimit;
        if (limit != Timeout.InfiniteTimeSpan && deadline > limit)
        {
            Fail(CreateTimeLimitException(deadline, limit));
            return;
        }

        TimeSpan from = Clock.Now;
        _virtualClock!.AutojumpTo(deadline);
        if (Instruments.IsActive)
        {
            Instruments.OnClockJumped(from, Clock.Now);
        }

        ExpireTimers();
    }
}
