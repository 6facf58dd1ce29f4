using System.Diagnostics;

namespace TrioTest;

/// <summary>
/// Departures: work the loop thread sent to the thread pool during a step, seen as it left (<see cref="ThreadPoolWatch"/>).
/// A departure is an escape recorded at a point the seed decides, with the stack that sent it, so the report is the same
/// on every run of the seed; in strict mode it ends the run there. While one is in flight the loop neither autojumps nor
/// reports a deadlock: the work may be about to come back.
/// </summary>
internal sealed partial class Runner
{
    /// <summary>How long the loop waits, in real time, for departed work in flight before it stops counting it (an item whose end it could not see).</summary>
    private static readonly TimeSpan s_departureGrace = TimeSpan.FromMilliseconds(250);

    /// <summary>Whether this run watches the loop thread's thread-pool work.</summary>
    private readonly bool _watchDepartures;

    /// <summary>Departed items not yet seen to end; loop thread only.</summary>
    private int _departuresInFlight;

    /// <summary>True while the library itself queues work to the pool from the loop (<c>Trio.ToThreadAsync</c>): counted work, not a departure.</summary>
    private bool _queuingOwnWork;

    /// <summary>Gets how many departed items are still out.</summary>
    internal int DeparturesInFlight => _departuresInFlight;

    /// <summary>The ids this run handed to <see cref="ThreadPoolWatch"/>, forgotten when the run ends.</summary>
    private List<long>? _trackedDepartures;

    /// <summary>Queues the library's own work to the thread pool from the loop thread without it counting as a departure.</summary>
    /// <param name="work">The work item's callback.</param>
    /// <param name="state">Its state.</param>
    internal void QueueOwnWork<TState>(Action<TState> work, TState state)
    {
        _queuingOwnWork = true;
        try
        {
            ThreadPool.QueueUserWorkItem(work, state, preferLocal: false);
        }
        finally
        {
            _queuingOwnWork = false;
        }
    }

    /// <summary>Called on the loop thread, inside the runtime's enqueue, when the step's code sent item <paramref name="id"/> to the thread pool.</summary>
    internal void OnDeparture(long id)
    {
        if (!_watchDepartures || _queuingOwnWork || !_running)
        {
            return;
        }

        // The stack from the runtime's enqueue down is the culprit's; the listener's frames above it say nothing.
        string stack = TrimToEnqueue(new StackTrace(1, fNeedFileInfo: _fixed.EscapePolicy == EscapePolicy.Fail).ToString());
        if (_fixed.EscapePolicy != EscapePolicy.Fail)
        {
            _departuresInFlight++;
            (_trackedDepartures ??= []).Add(id);
            ThreadPoolWatch.Track(id, this);
        }

        RecordEscape(new PendingEscape(EscapeKind.Departure, CurrentTaskOrNull()?.Path, stack));
    }

    /// <summary>Called on the pool thread that ran a departed item, once it has ended.</summary>
    internal void OnDepartureEnded(long id) => PostInternal(() =>
    {
        if (_departuresInFlight > 0)
        {
            _departuresInFlight--;
        }
    });

    /// <summary>Starts the process's listener if this run watches departures.</summary>
    private void StartWatchingDepartures()
    {
        if (_watchDepartures)
        {
            ThreadPoolWatch.EnsureStarted();
        }
    }

    /// <summary>Forgets the items this run sent that no pool thread has picked up yet.</summary>
    private void StopWatchingDepartures()
    {
        if (_trackedDepartures is { } tracked)
        {
            foreach (long id in tracked)
            {
                ThreadPoolWatch.Forget(id);
            }
        }
    }

    /// <summary>Drops the frames above the runtime's enqueue (the event source and the listener).</summary>
    private static string TrimToEnqueue(string stack)
    {
        int enqueue = stack.IndexOf("System.Threading.ThreadPoolWorkQueue.Enqueue", StringComparison.Ordinal);
        if (enqueue < 0)
        {
            return stack;
        }

        int lineStart = stack.LastIndexOf('\n', enqueue) + 1;
        return stack[lineStart..];
    }
}
