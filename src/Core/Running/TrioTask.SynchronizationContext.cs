using System.Diagnostics;

namespace TrioTest;

/// <content>
/// A task as the synchronization context of its own steps: a continuation posted to it becomes a step of this task,
/// whoever completes the awaited work. This is how the loop attributes every step to a task without reading the
/// continuation, and how code awaited inside a task comes back to the loop. Posts from the loop thread become steps in
/// the run queue. Posts from any other thread are escapes: code left the loop (<c>Task.Run</c>, a real timer, real I/O)
/// and is coming back; they are recorded with the poster's stack and then run as steps like any other. The task is its
/// own context, rather than owning one, because ten thousand sleeping tasks are ten thousand of them alive at once: one
/// object per task instead of two.
/// </content>
public sealed partial class TrioTask
{
    /// <summary>True while this thread reads the stack of a blocking wait: waits inside that (the symbol reader's) are not diagnosed again.</summary>
    [ThreadStatic]
    private static bool s_diagnosing;

    /// <inheritdoc/>
    /// <remarks>
    /// Called by the runtime before a blocking wait starts on a thread where this context is current. Inside a step on the
    /// loop, a wait for a task (<c>.Wait()</c>, <c>.Result</c>, NUnit's <c>Assert.ThrowsAsync</c>) is a certain hang when the
    /// task needs the loop: a run that fails on escapes fails here, at the call, with a <see cref="BlockingWaitException"/>.
    /// Any other wait (a lock, an event) blocks as usual, with what it is noted for the blocked-loop report.
    /// </remarks>
    public override int Wait(IntPtr[] waitHandles, bool waitAll, int millisecondsTimeout)
    {
        if (millisecondsTimeout == 0 || !Runner.IsInStep || s_diagnosing)
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

        if (wait.WaitsForATask && Runner.EscapePolicy == EscapePolicy.Fail)
        {
            var error = new BlockingWaitException(Path, wait.Call, wait.CallSite, wait.Fix);
            Runner.Fail(error);
            throw error;
        }

        Runner.BlockingWait = wait.Describe();
        try
        {
            return WaitHelper(waitHandles, waitAll, millisecondsTimeout);
        }
        finally
        {
            Runner.BlockingWait = null;
        }
    }

    /// <summary>
    /// Queues <paramref name="d"/> as a step of this task: from the loop thread into the run queue, from any other thread
    /// as an escape, recorded with the poster's stack. Once the run has ended nothing runs on its loop: a post then is
    /// reported as late work and dropped.
    /// </summary>
    /// <param name="d">The callback.</param>
    /// <param name="state">The callback's argument.</param>
    /// <exception cref="ArgumentNullException"><paramref name="d"/> is null.</exception>
    public override void Post(SendOrPostCallback d, object? state)
    {
        ArgumentNullException.ThrowIfNull(d);
        Runner.Post(this, d, state);
    }

    /// <summary>Runs <paramref name="d"/> on the loop: at once on the loop thread; from another thread, as a step of this task, blocking until it has run (or the run has ended, which it then throws).</summary>
    /// <param name="d">The callback.</param>
    /// <param name="state">The callback's argument.</param>
    /// <exception cref="ArgumentNullException"><paramref name="d"/> is null.</exception>
    public override void Send(SendOrPostCallback d, object? state)
    {
        ArgumentNullException.ThrowIfNull(d);
        if (Runner.IsLoopThread)
        {
            d(state);
            return;
        }

        using var request = new SendRequest(d, state);
        Runner.Post(this, static s => ((SendRequest)s!).Run(), request);
        request.WaitAndRethrow();
    }

    /// <inheritdoc/>
    /// <remarks>Returns this instance: a copy would lose nothing, and identity is what attributes posts.</remarks>
    public override SynchronizationContext CreateCopy() => this;
}
