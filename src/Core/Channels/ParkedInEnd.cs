namespace TrioTest;

/// <summary>The tasks parked in one end of a memory channel, so closing that end can wake them (Trio wakes them with <c>ClosedResourceError</c>).</summary>
/// <remarks>Waiters are pooled, so each entry keeps the waiter's use id at park time: a waiter reused for another wait is never touched.</remarks>
internal sealed class ParkedInEnd
{
    /// <summary>The parked waiters with their versions; entries of finished waits are dropped lazily.</summary>
    private readonly List<(Waiter Waiter, long UseId)> _parked = [];

    /// <summary>Remembers a parked waiter.</summary>
    public void Track(Waiter? waiter)
    {
        if (waiter is null)
        {
            return;
        }

        _parked.RemoveAll(static entry => entry.Waiter.UseId != entry.UseId || entry.Waiter.IsCompleted);
        _parked.Add((waiter, waiter.UseId));
    }

    /// <summary>Wakes every task still parked through this end with <see cref="ObjectDisposedException"/>.</summary>
    /// <param name="end">The end being closed, named in the exception.</param>
    public void AbortAll(object end)
    {
        foreach ((Waiter waiter, long useId) in _parked)
        {
            if (waiter.UseId == useId)
            {
                TrioTask? task = waiter.Task;
                waiter.TryAbort(new ObjectDisposedException(end.ToString(), $"The {end} was closed while the task was waiting on it."));
                if (task is not null && waiter.IsCompleted)
                {
                    task.Runner.Instruments.OnUnparked(task, end.ToString()!);
                }
            }
        }

        _parked.Clear();
    }
}
