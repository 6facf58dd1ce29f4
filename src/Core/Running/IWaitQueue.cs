namespace TrioTest;

/// <summary>Whatever a blocked <see cref="Waiter"/> is queued on (a timer, the idle list, a parking lot), so cancellation can take it out.</summary>
internal interface IWaitQueue
{
    /// <summary>Removes <paramref name="waiter"/> because its cancel scope was cancelled.</summary>
    /// <param name="waiter">The waiter to remove.</param>
    /// <returns><see langword="true"/> if it was removed and may be woken with <see cref="Cancelled"/>; <see langword="false"/> if it cannot be aborted now.</returns>
    bool TryRemove(Waiter waiter);
}
