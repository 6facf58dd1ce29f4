namespace TrioTest;

/// <summary><see cref="Trio.WaitAllTasksBlockedAsync"/>: tasks that wait until every other task is blocked.</summary>
internal sealed partial class Runner : IWaitQueue
{
    /// <summary>Idle waiters in arrival order (few at a time: a linear scan beats a sorted structure).</summary>
    private readonly List<(TimeSpan Cushion, Waiter Waiter)> _idleWaiters = [];

    /// <summary>Parks the calling task until every task is blocked and stays so for <paramref name="cushion"/> of real time.</summary>
    internal ValueTask WaitAllTasksBlockedAsync(TimeSpan cushion, string filePath, int line)
    {
        ValueTask wait = ParkAsync(WaitDescription.Of("all other tasks to block"), this, "wait all tasks blocked", filePath, line, out Waiter? waiter);
        if (waiter is not null)
        {
            _idleWaiters.Add((cushion, waiter));
        }

        return wait;
    }

    /// <inheritdoc/>
    /// <remarks>A cancelled idle waiter leaves the list.</remarks>
    bool IWaitQueue.TryRemove(Waiter waiter)
    {
        int index = _idleWaiters.FindIndex(entry => entry.Waiter == waiter);
        if (index >= 0)
        {
            _idleWaiters.RemoveAt(index);
        }

        return true;
    }

    /// <summary>Gets the smallest cushion among the idle waiters.</summary>
    private TimeSpan MinimumCushion()
    {
        TimeSpan minimum = TimeSpan.MaxValue;
        foreach ((TimeSpan cushion, _) in _idleWaiters)
        {
            if (cushion < minimum)
            {
                minimum = cushion;
            }
        }

        return minimum;
    }

    /// <summary>Wakes, in arrival order, every idle waiter with the smallest cushion (Trio's rule: the smallest cushion wakes first).</summary>
    private void WakeIdleWaiters()
    {
        TimeSpan minimum = MinimumCushion();
        var woken = new List<Waiter>();
        _idleWaiters.RemoveAll(entry =>
        {
            if (entry.Cushion != minimum)
            {
                return false;
            }

            woken.Add(entry.Waiter);
            return true;
        });
        foreach (Waiter waiter in woken)
        {
            waiter.Wake();
        }
    }
}
