namespace TrioTest;

/// <summary>
/// Trio's <c>StrictFIFOLock</c>: a lock whose waiters get it strictly in the order they asked, which code that must
/// keep order (writers to a stream) can rely on. <see cref="AsyncLock"/> already behaves this way; this type says so
/// in the contract, so a future optimization of <see cref="AsyncLock"/> can never break it.
/// </summary>
public sealed class StrictFifoLock : AsyncLock
{
    /// <summary>Initializes an unlocked lock.</summary>
    /// <param name="name">A name shown in traces and deadlock reports.</param>
    public StrictFifoLock(string? name = null)
        : base(name, "StrictFifoLock")
    {
    }
}
