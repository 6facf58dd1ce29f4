using System.Runtime.CompilerServices;

namespace TrioTest;

/// <summary>Same-step completion of library methods (see <see cref="LoopMethod"/>): the loop's half of the mechanism.</summary>
internal sealed partial class Runner
{
    /// <summary>
    /// The task whose library method is completing inside that task's own step, while it completes: a continuation
    /// posted to its context then is its caller resuming, and runs inline. <see langword="null"/> the rest of the time.
    /// </summary>
    private TrioTask? _completingTask;

    /// <summary>Starts completing a library method of <paramref name="owner"/> on the loop thread: no context is current until disposed.</summary>
    /// <param name="owner">The task the method belongs to.</param>
    /// <returns>The completion to dispose once the method's task is complete.</returns>
    internal LoopCompletion BeginCompletion(TrioTask owner)
    {
        var completion = new LoopCompletion(this, SynchronizationContext.Current, _completingTask);
        SynchronizationContext.SetSynchronizationContext(null);

        // Only inside the owner's own step: a wake-up of the owner from another task's step is a schedule point.
        _completingTask = _currentTask == owner ? owner : null;
        return completion;
    }

    /// <summary>Ends a completion begun by <see cref="BeginCompletion"/>.</summary>
    /// <param name="savedContext">The context to restore.</param>
    /// <param name="savedCompletingTask">The enclosing completion's task, if this one ran inside another.</param>
    internal void EndCompletion(SynchronizationContext? savedContext, TrioTask? savedCompletingTask)
    {
        _completingTask = savedCompletingTask;
        SynchronizationContext.SetSynchronizationContext(savedContext);
    }

    /// <summary>Runs a continuation posted to <paramref name="task"/>'s context now, if that task's method is completing in its step.</summary>
    /// <returns><see langword="true"/> if the continuation ran; <see langword="false"/> if it must be queued as a step.</returns>
    private bool TryResumeInline(TrioTask task, SendOrPostCallback callback, object? state)
    {
        // A deep chain of nested completions falls back to a step rather than overflow the stack.
        if (task != _completingTask || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            return false;
        }

        SynchronizationContext? saved = SynchronizationContext.Current;

        // The resumed code's own posts (Task.Yield) are schedule points again.
        _completingTask = null;
        SynchronizationContext.SetSynchronizationContext(task);
        try
        {
            callback(state);
        }
        catch (Exception e)
        {
            Fail(StepThrew(task, e));
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(saved);
            _completingTask = task;
        }

        return true;
    }
}
