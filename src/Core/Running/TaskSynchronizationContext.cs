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
    /// <summary>True while this thread reads the stack of a blocking wait: waits inside that (the symbol reader's) are not diagnosed again.</summary>
    [ThreadStatic]
    private static bool s_diagnosing;

    /// <summary>The task whose steps posts become.</summary>
    private readonly TrioTask _task;

    internal TaskSynchronizationContext(TrioTask task)
    {
        _task = task;

        // The runtime then reports every blocking wait on a thread where this context is current (all but Thread.Sleep) to Wait.
        SetWaitNotificationRequired();
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Called by the runtime before a blocking wait starts on a thread where this context is current. Inside a step on the
    /// loop, a wait for a task (<c>.Wait()</c>, <c>.Result</c>, NUnit's <c>Assert.ThrowsAsync</c>) is a certain hang when the
    /// task needs the loop: a run that fails on escapes fails here, at the call, with a <see cref="BlockingWaitException"/>.
    /// Any other wait (a lock, an event) blocks as usual, with what it is noted for the blocked-loop report.
    /// </remarks>
    public override int Wait(IntPtr[] waitHandles, bool waitAll, int millisecondsTimeout)
    {
        if (millisecondsTimeout == 0 || !_task.Runner.IsInStep || s_diagnosing)
        {
            // A poll never blocks; outside a step it is the loop's own idle wait; inside the diagnosis, the symbol reader's.
            return WaitHelper(waitHandles, waitAll, millisecondsTimeout);
        }

        BlockingWait wait;
        s_diagnosing = true;
        try
        {
            wait = BlockingWait.Diagnose(new StackTrace(1, fNeedFileInfo: true));
        }
        finally
        {
            s_diagnosing = false;
        }

        if (wait.WaitsForATask && _task.Runner.EscapePolicy == EscapePolicy.Fail)
        {
            var error = new BlockingWaitException(_task.Path, wait.Call, wait.CallSite, wait.Fix);
            _task.Runner.Fail(error);
            throw error;
        }

        _task.Runner.BlockingWait = wait.Describe();
        try
        {
            return WaitHelper(waitHandles, waitAll, millisecondsTimeout);
        }
        finally
        {
            _task.Runner.BlockingWait = null;
        }
    }

    /// <inheritdoc/>
    public override void Post(SendOrPostCallback d, object? state)
    {
        ArgumentNullException.ThrowIfNull(d);
        _task.Runner.Post(_task, d, state);
    }

    /// <inheritdoc/>
    /// <remarks>On the loop thread the callback runs at once; from another thread, the caller blocks until the loop has run it.</remarks>
    public override void Send(SendOrPostCallback d, object? state)
    {
        ArgumentNullException.ThrowIfNull(d);
        if (_task.Runner.IsLoopThread)
        {
            d(state);
            return;
        }

        using var request = new SendRequest(d, state);
        _task.Runner.Post(_task, static s => ((SendRequest)s!).Run(), request);
        request.WaitAndRethrow();
    }

    /// <inheritdoc/>
    /// <remarks>Returns this instance: a copy would lose nothing, and identity is what attributes posts.</remarks>
    public override SynchronizationContext CreateCopy() => this;

    /// <inheritdoc/>
    public override string ToString() => $"TaskSynchronizationContext({_task.Path})";

    /// <summary>A <see cref="Send"/> from another thread: the callback the loop runs, and the signal the sender waits on.</summary>
    internal sealed class SendRequest(SendOrPostCallback callback, object? state) : IDisposable
    {
        /// <summary>Set once the callback ran, or the run ended without running it.</summary>
        private readonly ManualResetEventSlim _done = new();

        /// <summary>The callback's exception, or why it never ran.</summary>
        private Exception? _error;

        /// <summary>Runs the callback on the loop and releases the sender.</summary>
        public void Run()
        {
            try
            {
                callback(state);
            }
            catch (Exception e)
            {
                _error = e;
            }
            finally
            {
                _done.Set();
            }
        }

        /// <summary>Releases the sender with <paramref name="error"/>: the run ended before the callback ran.</summary>
        public void Fail(Exception error)
        {
            _error = error;
            _done.Set();
        }

        /// <summary>Waits for the loop, then rethrows what the callback threw.</summary>
        public void WaitAndRethrow()
        {
            _done.Wait();
            if (_error is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(_error);
            }
        }

        /// <inheritdoc/>
        public void Dispose() => _done.Dispose();
    }
}
