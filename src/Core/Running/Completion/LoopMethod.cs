namespace TrioTest;

/// <summary>
/// What the loop method builders share: bind a library async method to the task that called it, and complete it so
/// that its caller resumes in the same step. This is the one mechanism behind Trio's rule that code between two
/// checkpoints is atomic for every library awaitable that is not itself a checkpoint (a nursery, a cancel scope, a
/// timeout, a lock, a receive).
/// </summary>
/// <remarks>
/// <para>On entry the method's synchronization context becomes its task's, so every await inside it resumes as a step of
/// that task even when the caller arrived with none current (after a <c>ConfigureAwait(false)</c> that resumed inline
/// on the loop). The caller's context is restored when the method first returns, as the BCL builders do.</para>
/// <para>On completion no context is current, so a caller that awaited with <c>ConfigureAwait(false)</c> resumes inline
/// on the loop thread (the runtime sends a context-free continuation to the thread pool while a custom context is
/// current). A caller that captured its task's context posts to it; <see cref="Runner.Post"/> runs that post inline
/// while the completing method's own task is the one in its step, so the caller goes on in the same step instead of
/// queuing a new one: no schedule point appears where Trio has none.</para>
/// </remarks>
internal static class LoopMethod
{
    /// <summary>Binds a starting library method to the calling task, if it starts on a run's loop thread inside a task.</summary>
    /// <param name="callerContext">The caller's context, to restore with <see cref="EndStart"/>.</param>
    /// <returns>The task the method belongs to, or <see langword="null"/> outside a run (the method then behaves as a plain async method).</returns>
    public static TrioTask? BeginStart(out SynchronizationContext? callerContext)
    {
        callerContext = SynchronizationContext.Current;
        if (Runner.CurrentOrNull is not { IsLoopThread: true } runner || runner.CurrentTaskOrNull() is not { } task)
        {
            return null;
        }

        if (callerContext != task)
        {
            SynchronizationContext.SetSynchronizationContext(task);
        }

        return task;
    }

    /// <summary>Restores the caller's context once the method has returned to it for the first time.</summary>
    /// <param name="callerContext">What <see cref="BeginStart"/> returned.</param>
    public static void EndStart(SynchronizationContext? callerContext)
    {
        if (SynchronizationContext.Current != callerContext)
        {
            SynchronizationContext.SetSynchronizationContext(callerContext);
        }
    }

    /// <summary>Starts completing a method of <paramref name="owner"/>; dispose the result once the builder has completed its task.</summary>
    /// <param name="owner">The task the method belongs to, or <see langword="null"/> if it started outside a run.</param>
    /// <returns>The completion, which restores the step's state when disposed.</returns>
    public static LoopCompletion BeginCompletion(TrioTask? owner) =>
        owner is not null && owner.Runner.IsLoopThread ? owner.Runner.BeginCompletion(owner) : default;
}
