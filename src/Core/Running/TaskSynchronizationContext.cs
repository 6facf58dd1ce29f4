using System.Diagnostics;

namespace TrioTest;

/// <summary>
/// The synchronization context current while one task's steps run. Each task has its own instance, so a
/// continuation posted to it is known to belong to that task whoever completes the awaited work: this is how
/// the loop attributes every step to a task without reading the continuation.
/// </summary>
/// <remarks>
/// Posts from the loop thread become steps in the run queue. Posts from any other thread are escapes: code
/// left the loop (<c>Task.Run</c>, a real timer, real I/O) and is coming back; they are recorded with the
/// poster's stack and then run as steps like any other.
/// </remarks>
[DebuggerDisplay("TaskSynchronizationContext for {_task.Path}")]
internal sealed class TaskSynchronizationContext : SynchronizationContext
{
    /// <summary>The run the task belongs to.</summary>
    private readonly Runner _runner;

    /// <summary>The task whose steps posts become.</summary>
    private readonly TrioTask _task;

    internal TaskSynchronizationContext(Runner runner, TrioTask task)
    {
        _runner = runner;
        _task = task;
    }

    /// <inheritdoc/>
    public override void Post(SendOrPostCallback d, object? state)
    {
        ArgumentNullException.ThrowIfNull(d);
        _runner.Post(_task, d, state);
    }

    /// <inheritdoc/>
    /// <remarks>On the loop thread the callback runs at once; from another thread, the caller blocks until the loop has run it.</remarks>
    public override void Send(SendOrPostCallback d, object? state)
    {
        ArgumentNullException.ThrowIfNull(d);
        if (_runner.IsLoopThread)
        {
            d(state);
            return;
        }

        using var done = new ManualResetEventSlim();
        Exception? error = null;
        _runner.Post(_task, _ =>
        {
            try
            {
                d(state);
            }
            catch (Exception e)
            {
                error = e;
            }
            finally
            {
                done.Set();
            }
        }, null);
        done.Wait();
        if (error is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
        }
    }

    /// <inheritdoc/>
    /// <remarks>Returns this instance: a copy would lose nothing, and identity is what attributes posts.</remarks>
    public override SynchronizationContext CreateCopy() => this;

    /// <inheritdoc/>
    public override string ToString() => $"TaskSynchronizationContext({_task.Path})";
}
