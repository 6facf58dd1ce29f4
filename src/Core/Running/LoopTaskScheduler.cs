namespace TrioTest;

/// <summary>
/// The loop's <see cref="TaskScheduler"/> (<see cref="Trio.TaskScheduler"/>): tasks queued to it run as steps
/// of the task that queued them. It never inlines, so every queued task goes through the scheduling strategy.
/// </summary>
internal sealed class LoopTaskScheduler : TaskScheduler
{
    /// <summary>The run that owns this scheduler.</summary>
    private readonly Runner _runner;

    internal LoopTaskScheduler(Runner runner) => _runner = runner;

    /// <inheritdoc/>
    public override int MaximumConcurrencyLevel => 1;

    /// <summary>Runs a task that was queued to this scheduler; called by the loop.</summary>
    /// <param name="task">The task.</param>
    internal void Execute(Task task) => TryExecuteTask(task);

    /// <inheritdoc/>
    protected override void QueueTask(Task task) => _runner.QueueScheduledTask(task);

    /// <inheritdoc/>
    /// <remarks>Never inlines: inlining would run the task outside the strategy's order.</remarks>
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => false;

    /// <inheritdoc/>
    protected override IEnumerable<Task>? GetScheduledTasks() => _runner.GetQueuedTasksForDebugger();
}
