namespace TrioTest;

/// <summary>Something the loop's timer heap can fire: a sleeping waiter, a cancel scope's deadline, a <see cref="TimeProvider"/> timer.</summary>
/// <remarks>
/// Heap entries are never removed in place: each carries the target's generation at the time it was pushed,
/// and an entry whose generation no longer matches is stale and skipped (lazy deletion keeps every operation O(log n)).
/// </remarks>
internal interface ITimerTarget
{
    /// <summary>Gets the target's current generation; bumped whenever its registration is cancelled or replaced.</summary>
    long TimerGeneration { get; }

    /// <summary>Fires the target; called on the loop thread with no synchronization context current.</summary>
    /// <param name="due">The deadline the entry was registered for.</param>
    void OnTimerFired(TimeSpan due);
}
