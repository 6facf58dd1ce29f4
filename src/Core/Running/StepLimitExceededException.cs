namespace TrioTest;

/// <summary>
/// Thrown by <see cref="Trio.Run(Func{Task}, RunOptions?)"/> when the run has taken <see cref="RunOptions.StepLimit"/>
/// steps and <c>main</c> is not done: the bound that turns a loop that checkpoints forever (a busy poll, a periodic timer
/// whose deadlines never pass the virtual-time limit) into a failure with a report, instead of a run that never ends.
/// </summary>
public sealed class StepLimitExceededException : Exception
{
    /// <summary>Initializes a new instance with a message, the limit and the tasks that were alive.</summary>
    /// <param name="message">The message.</param>
    /// <param name="limit">The limit that was reached.</param>
    /// <param name="livingTasks">The tasks alive at that point, in spawn order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="livingTasks"/> is null.</exception>
    public StepLimitExceededException(string message, long limit, IReadOnlyList<BlockedTask> livingTasks)
        : base(message)
    {
        ArgumentNullException.ThrowIfNull(livingTasks);
        Limit = limit;
        LivingTasks = livingTasks;
    }

    /// <summary>Gets the limit that was reached, in steps.</summary>
    public long Limit { get; }

    /// <summary>Gets the tasks alive when the limit was reached, in spawn order.</summary>
    public IReadOnlyList<BlockedTask> LivingTasks { get; }
}
