namespace TrioTest;

/// <summary>The timer heap: every deadline of the run (sleeps, cancel scopes, <see cref="TimeProvider"/> timers) keyed by (deadline, sequence).</summary>
internal sealed partial class Runner
{
    /// <summary>Pending timers. Ties on the deadline break by creation sequence, never by identity or hash.</summary>
    private readonly PriorityQueue<TimerEntry, TimerKey> _timers = new();

    /// <summary>The sequence number of the last timer registered.</summary>
    private long _timerSequence;

    /// <summary>Registers <paramref name="target"/> to fire at <paramref name="deadline"/>, as long as its generation stays <paramref name="generation"/>.</summary>
    internal void AddTimer(ITimerTarget target, long generation, TimeSpan deadline) =>
        _timers.Enqueue(new TimerEntry(target, generation), new TimerKey(deadline.Ticks, ++_timerSequence));

    /// <summary>Gets the next live deadline, dropping stale entries from the top of the heap.</summary>
    /// <returns>The deadline, or <see langword="null"/> if no timer is pending.</returns>
    internal TimeSpan? PeekNextDeadline()
    {
        while (_timers.TryPeek(out TimerEntry entry, out TimerKey key))
        {
            if (entry.Target.TimerGeneration == entry.Generation)
            {
                return new TimeSpan(key.Ticks);
            }

            _timers.Dequeue();
        }

        return null;
    }

    /// <summary>Fires every live timer that is due, in (deadline, sequence) order, with no synchronization context current.</summary>
    /// <returns><see langword="true"/> if any timer fired.</returns>
    private bool ExpireTimers()
    {
        if (_timers.Count == 0)
        {
            return false;
        }

        long now = Clock.Now.Ticks;
        bool fired = false;
        _currentTask = null;
        SynchronizationContext.SetSynchronizationContext(null);
        while (_fatal is null && _timers.TryPeek(out TimerEntry entry, out TimerKey key) && key.Ticks <= now)
        {
            _timers.Dequeue();
            if (entry.Target.TimerGeneration != entry.Generation)
            {
                continue;
            }

            fired = true;
            try
            {
                entry.Target.OnTimerFired(new TimeSpan(key.Ticks));
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
        if (_options.VirtualTimeLimit is { } limit && deadline > limit)
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

    /// <summary>A heap entry: the target and its generation when registered.</summary>
    private readonly record struct TimerEntry(ITimerTarget Target, long Generation);

    /// <summary>A heap key: deadline ticks, then creation sequence.</summary>
    private readonly record struct TimerKey(long Ticks, long Sequence) : IComparable<TimerKey>
    {
        /// <inheritdoc/>
        public int CompareTo(TimerKey other)
        {
            int byTime = Ticks.CompareTo(other.Ticks);
            return byTime != 0 ? byTime : Sequence.CompareTo(other.Sequence);
        }
    }
}
