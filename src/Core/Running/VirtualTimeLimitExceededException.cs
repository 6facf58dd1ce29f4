namespace TrioTest;

/// <summary>
/// Thrown by <see cref="Trio.Run(Func{Task}, RunOptions?)"/> when an autojump would move the virtual clock past
/// <see cref="RunOptions.VirtualTimeLimit"/>: the bound that keeps a live periodic timer from autojumping forever.
/// </summary>
public sealed class VirtualTimeLimitExceededException : Exception
{
    /// <summary>Initializes a new instance with a message, the limit and the tasks that were alive.</summary>
    /// <param name="message">The message.</param>
    /// <param name="limit">The limit that was reached.</param>
    /// <param name="livingTasks">The tasks alive at that point, in spawn order.</param>
    public VirtualTimeLimitExceededException(string message, TimeSpan limit, IReadOnlyList<BlockedTask> livingTasks)
        : base(message)
    {
        ArgumentNullException.ThrowIfNull(livingTasks);
        Limit = limit;
        LivingTasks = livingTasks;
    }

    /// <summary>Gets the limit that was reached.</summary>
    public TimeSpan Limit { get; }

    /// <summary>Gets the tasks alive when the limit was reached, in spawn order.</summary>
    public IReadOnlyList<BlockedTask> LivingTasks { get; }
}
