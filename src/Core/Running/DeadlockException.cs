namespace TrioTest;

/// <summary>
/// Thrown by <see cref="Trio.Run(Func{Task}, RunOptions?)"/> when every task is blocked and nothing can wake any of them:
/// no step is ready, no timer is pending and no counted external work is in flight. Trio would hang; TrioTest fails at once.
/// </summary>
public sealed class DeadlockException : Exception
{
    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">The message.</param>
    public DeadlockException(string message)
        : this(message, [])
    {
    }

    /// <summary>Initializes a new instance with a message and the blocked tasks.</summary>
    /// <param name="message">The message.</param>
    /// <param name="blockedTasks">Every blocked task, in spawn order.</param>
    public DeadlockException(string message, IReadOnlyList<BlockedTask> blockedTasks)
        : base(message)
    {
        ArgumentNullException.ThrowIfNull(blockedTasks);
        BlockedTasks = blockedTasks;
    }

    /// <summary>Gets every blocked task, in spawn order.</summary>
    public IReadOnlyList<BlockedTask> BlockedTasks { get; }

    /// <summary>Gets the first cycle of the wait-for graph (task paths, the first repeated at the end), or an empty list if the tasks wait on nothing that other tasks hold.</summary>
    public IReadOnlyList<string> Cycle { get; init; } = [];
}
