using System.Diagnostics;

namespace TrioTest;

/// <summary>
/// The inbox: the only part of the run other threads touch. Continuations posted from other threads (escapes)
/// and completions of counted external work wait here, under a lock, until the loop drains them.
/// </summary>
internal sealed partial class Runner
{
    /// <summary>Guards <see cref="_inbox"/>; the loop waits on it when idle.</summary>
    private readonly object _inboxLock = new();

    /// <summary>Items posted from other threads, in arrival order.</summary>
    private List<InboxItem> _inbox = [];

    /// <summary>The list swapped in while the loop processes the previous one.</summary>
    private List<InboxItem> _inboxSpare = [];

    /// <summary>How many items wait, readable without the lock for the loop's fast path.</summary>
    private volatile int _inboxCount;

    /// <summary>External work in flight (<c>Trio.ToThreadAsync</c>), delivered or not; autojump waits for it.</summary>
    private int _externalWork;

    /// <summary>The sequence number of the next external work to start.</summary>
    private long _externalStarted;

    /// <summary>The sequence number of the next external work whose completion is delivered.</summary>
    private long _externalDelivered;

    /// <summary>Completions of finished external work waiting for their turn, by sequence number (looked up, never iterated).</summary>
    private readonly Dictionary<long, Action> _externalFinished = [];

    /// <summary>The most escapes kept with their stacks; later ones are only counted (and seen by instruments).</summary>
    private const int MaxRecordedEscapes = 100;

    /// <summary>The first escapes, in the order the loop saw them.</summary>
    private readonly List<EscapeInfo> _escapes = [];

    /// <summary>How many escapes the loop saw.</summary>
    private int _escapeCount;

    /// <summary>Gets the first escapes (up to 100), in the order the loop saw them.</summary>
    internal IReadOnlyList<EscapeInfo> Escapes => _escapes;

    /// <summary>Gets how many escapes the loop saw.</summary>
    internal int EscapeCount => _escapeCount;

    /// <summary>Gets how much external work is in flight.</summary>
    internal int ExternalWork => _externalWork;

    /// <summary>Runs <paramref name="action"/> on the loop at its next pass, with no context current; callable from any thread.</summary>
    internal void PostInternal(Action action) => AddToInbox(new InboxItem(null, action, null, null));

    /// <summary>Counts one piece of external work as started; loop thread only.</summary>
    /// <returns>Its sequence number: completions are delivered in this order.</returns>
    internal long BeginExternalWork()
    {
        _externalWork++;
        return _externalStarted++;
    }

    /// <summary>
    /// Records that external work <paramref name="sequence"/> is done; callable from any thread. Its
    /// <paramref name="completion"/> runs on the loop when the schedule reaches the point where it may (see
    /// <see cref="TryDeliverExternalCompletion"/>), not when the thread happened to finish.
    /// </summary>
    internal void EndExternalWork(long sequence, Action completion) => PostInternal(() => _externalFinished.Add(sequence, completion));

    /// <summary>
    /// Delivers the completion of the oldest external work that has not been delivered, if it has finished and the
    /// loop is idle: no step is ready and no timer is due. Delivering only there, and only in the order the work
    /// started, makes the point where thread work rejoins the schedule one the seed decides, however long each thread
    /// took; the price is that a finished job waits for the loop to go idle and for the jobs started before it.
    /// </summary>
    /// <returns><see langword="true"/> if a completion ran.</returns>
    private bool TryDeliverExternalCompletion()
    {
        if (_runQueue.Count != 0 || _externalFinished.Count == 0 || PeekNextDeadline() is { } due && due <= Clock.Now
            || !_externalFinished.Remove(_externalDelivered, out Action? completion))
        {
            return false;
        }

        _externalDelivered++;
        _externalWork--;
        _currentTask = null;
        RunWithoutContext(completion, static c => c());
        if (_tokensToCancel.Count != 0)
        {
            FlushTokenCancellations();
        }

        return true;
    }

    /// <summary>Records that code on another thread touched the run, and queues what it sent.</summary>
    /// <param name="task">The task the continuation belongs to, or <see langword="null"/> for an internal action.</param>
    /// <param name="callback">The continuation or action.</param>
    /// <param name="state">Its state.</param>
    /// <param name="kind">What kind of escape this is.</param>
    internal void PostFromOtherThread(TrioTask? task, object callback, object? state, EscapeKind kind)
    {
        // Captured here, on the culprit's thread: its stack is what names the cause. File and line info (a PDB read)
        // only when the escape will fail the run: production runs that post real I/O completions should not pay for it.
        string stack = new StackTrace(2, fNeedFileInfo: _fixed.EscapePolicy == EscapePolicy.Fail).ToString();
        AddToInbox(new InboxItem(task, callback, state, new PendingEscape(kind, task?.Path, stack)));
    }

    /// <summary>Adds an item and wakes the loop if it is waiting.</summary>
    private void AddToInbox(in InboxItem item)
    {
        lock (_inboxLock)
        {
            if (_closed)
            {
                ForwardAfterClose(item);
                return;
            }

            _inbox.Add(item);
            _inboxCount = _inbox.Count;
            Monitor.Pulse(_inboxLock);
        }
    }

    /// <summary>Closes the inbox: what is still in it, or arrives later, can no longer run on the loop.</summary>
    private void CloseInbox()
    {
        lock (_inboxLock)
        {
            _closed = true;
            foreach (InboxItem item in _inbox)
            {
                ForwardAfterClose(item);
            }

            _inbox.Clear();
            _inboxCount = 0;
        }
    }

    /// <summary>What arrives after the run goes where <see cref="DropAfterClose"/> sends it.</summary>
    private void ForwardAfterClose(in InboxItem item)
    {
        if (item.Task is { } task)
        {
            DropAfterClose(task, item.State, item.Escape?.Stack);
        }
    }

    /// <summary>
    /// A continuation of a task of a run that has ended is dropped: the run's tasks are over, and running their code
    /// on the thread pool would race with whoever reads the run's results (its trace, its report), or crash the process
    /// with a late <c>async void</c> exception. A thread blocked in <c>Send</c> is released with an error instead.
    /// </summary>
    /// <remarks>The first one of a run that did not fail is reported on the run's log (standard error by default), with its cause.</remarks>
    /// <param name="task">The task the continuation belongs to.</param>
    /// <param name="state">The continuation's state.</param>
    /// <param name="stack">The stack of the thread that sent it, if already captured.</param>
    private void DropAfterClose(TrioTask task, object? state, string? stack)
    {
        if (state is SendRequest send)
        {
            send.Fail(new InvalidOperationException("The TrioTest run this SynchronizationContext belongs to has ended: nothing runs on its loop any more."));
        }

        // A failed run has already named what left the loop; a run that passed has not.
        if (_fatal is null && Interlocked.Exchange(ref _lateWorkReported, 1) == 0)
        {
            string cause = EscapeDiagnosis.Diagnose(EscapeKind.ForeignPost, stack ?? new StackTrace(2, fNeedFileInfo: false).ToString());
            (_fixed.Log ?? Console.Error).WriteLine(
                $"TrioTest: work of task {task.Path}{(_fixed.Name is { } name ? $" of {name}" : string.Empty)} came back after its run ended, and was dropped (a timer, a thread or I/O outlived the run). Likely cause: {cause}");
        }
    }

    /// <summary>1 once a late arrival has been reported; later ones are dropped quietly.</summary>
    private int _lateWorkReported;

    /// <summary>Waits up to <paramref name="timeout"/> for the inbox, then moves what arrived into the run.</summary>
    /// <returns><see langword="true"/> if anything arrived.</returns>
    private bool DrainInbox(TimeSpan timeout)
    {
        if (timeout == TimeSpan.Zero && _inboxCount == 0)
        {
            return false;
        }

        List<InboxItem> items;
        lock (_inboxLock)
        {
            if (_inbox.Count == 0 && timeout != TimeSpan.Zero)
            {
                Monitor.Wait(_inboxLock, timeout);
            }

            if (_inbox.Count == 0)
            {
                return false;
            }

            items = _inbox;
            _inbox = _inboxSpare;
            _inboxSpare = items;
            _inboxCount = 0;
        }

        foreach (InboxItem item in items)
        {
            if (item.Escape is { } escape)
            {
                RecordEscape(escape);
            }

            if (item.Task is { } task)
            {
                EnqueueStep(task, item.Callback, item.State);
            }
            else
            {
                _currentTask = null;
                RunWithoutContext(item.Callback, static callback => ((Action)callback)());
                if (_tokensToCancel.Count != 0)
                {
                    FlushTokenCancellations();
                }
            }
        }

        items.Clear();
        return true;
    }

    /// <summary>Records an escape, tells the instruments, and in strict mode ends the run.</summary>
    private void RecordEscape(PendingEscape pending)
    {
        var escape = new EscapeInfo(pending.Kind, pending.TaskPath, Clock.Now, pending.Stack);
        _escapeCount++;
        if (_escapes.Count < MaxRecordedEscapes)
        {
            _escapes.Add(escape);
        }

        if (Instruments.IsActive)
        {
            Instruments.OnEscape(escape);
        }

        if (_fixed.EscapePolicy == EscapePolicy.Fail)
        {
            Fail(new EscapeException(escape));
        }
    }

    /// <summary>An item from another thread.</summary>
    private readonly record struct InboxItem(TrioTask? Task, object Callback, object? State, PendingEscape? Escape);

    /// <summary>An escape as seen on the culprit's thread, before the loop timestamps it.</summary>
    private sealed record PendingEscape(EscapeKind Kind, string? TaskPath, string Stack);
}
