using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace TrioTest;

/// <summary>
/// Sees work leave a run's loop at the moment it leaves: an in-process listener on the runtime's thread-pool events.
/// <c>ThreadPoolEnqueueWork</c> is raised synchronously on the enqueuing thread, inside the step whose code sent the work
/// (a <c>Task.Run</c>, <c>CancelAsync</c>'s callbacks, a <c>ConfigureAwait(false)</c> continuation the runtime refused to
/// inline because the task's context was current), so the loop learns of it at a point that only the seed decides.
/// <c>ThreadPoolDequeueWork</c> is raised on the pool thread that picks the item up, and the next dequeue on that thread
/// marks the item's end: between the two the work is in flight, and the loop neither autojumps nor reports a deadlock.
/// </summary>
/// <remarks>
/// One listener serves the process, started by the first run that watches and kept for the process's life: enabling an
/// event source costs far more than a run, and an exploration runs thousands. The events carry an item's address as its
/// id; a compacting GC between enqueue and dequeue can change it, so a lost match ends that item's flight at the loop's
/// grace period instead (see <c>Runner.Departures.cs</c>).
/// </remarks>
internal sealed class ThreadPoolWatch : EventListener
{
    /// <summary>The runtime's event source for the thread pool.</summary>
    private const string FrameworkEventSourceName = "System.Diagnostics.Eventing.FrameworkEventSource";

    /// <summary>The source's ThreadPool and ThreadTransfer keywords.</summary>
    private const EventKeywords ThreadPoolKeywords = (EventKeywords)(0x2 | 0x10);

    /// <summary>The id of <c>ThreadPoolEnqueueWork</c>.</summary>
    private const int EnqueueEventId = 30;

    /// <summary>The id of <c>ThreadPoolDequeueWork</c>.</summary>
    private const int DequeueEventId = 31;

    /// <summary>Guards the start of <see cref="s_instance"/>.</summary>
    private static readonly object s_startLock = new();

    /// <summary>Items sent from a loop and not yet picked up, by id, with the run that sent them.</summary>
    private static readonly ConcurrentDictionary<long, Runner> s_waiting = new();

    /// <summary>The listener, once started.</summary>
    private static ThreadPoolWatch? s_instance;

    /// <summary>The departed item this pool thread is running, if any; its next dequeue ends it.</summary>
    [ThreadStatic]
    private static (Runner Runner, long Id)? s_running;

    /// <summary>How many probe items <see cref="EnsureStarted"/> queues, a millisecond apart, before it gives up (about two seconds).</summary>
    private const int PrimingAttempts = 2000;

    /// <summary>True on a thread whose probe item's enqueue event arrived.</summary>
    [ThreadStatic]
    private static bool s_probeSeen;

    /// <summary>True while this thread primes the listener, so its probe items are not taken for a run's.</summary>
    [ThreadStatic]
    private static bool s_priming;

    /// <summary>
    /// Starts the process's listener if it is not running yet, and returns once enqueues raise events. The thread pool
    /// reads "logging on" only when a worker next enters its dispatch loop, so the first enqueues after enabling go
    /// unseen: probe items are queued until one is seen (a few milliseconds, once per process).
    /// </summary>
    /// <returns><see langword="true"/> if enqueues are seen; <see langword="false"/> if the runtime never started raising them.</returns>
    public static bool EnsureStarted()
    {
        if (Volatile.Read(ref s_instance) is not null)
        {
            return s_primed;
        }

        lock (s_startLock)
        {
            if (s_instance is null)
            {
                s_instance = new ThreadPoolWatch();
                s_primed = Prime();
            }

            return s_primed;
        }
    }

    /// <summary>Whether priming saw an enqueue event.</summary>
    private static volatile bool s_primed;

    /// <summary>Queues probe items until this thread sees one's enqueue event, or the attempts run out.</summary>
    private static bool Prime()
    {
        s_priming = true;
        try
        {
            for (int attempt = 0; attempt < PrimingAttempts; attempt++)
            {
                s_probeSeen = false;
                ThreadPool.UnsafeQueueUserWorkItem(static _ => { }, null);
                if (s_probeSeen)
                {
                    return true;
                }

                Thread.Sleep(1);
            }

            return false;
        }
        finally
        {
            s_priming = false;
        }
    }

    /// <summary>Remembers that <paramref name="runner"/> sent item <paramref name="id"/> to the thread pool.</summary>
    public static void Track(long id, Runner runner) => s_waiting[id] = runner;

    /// <summary>Forgets an item whose run has ended.</summary>
    public static void Forget(long id) => s_waiting.TryRemove(id, out _);

    /// <inheritdoc/>
    /// <remarks>May run inside the base constructor, before this instance's fields are set: it touches none of them.</remarks>
    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == FrameworkEventSourceName)
        {
            EnableEvents(eventSource, EventLevel.Verbose, ThreadPoolKeywords);
        }
    }

    /// <inheritdoc/>
    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        switch (eventData.EventId)
        {
            case EnqueueEventId:
                if (s_priming)
                {
                    s_probeSeen = true;
                    break;
                }

                // Only the loop thread of a running run matters; every other enqueue in the process returns here.
                if (Runner.CurrentOrNull is { IsLoopThread: true } runner && eventData.Payload is [long id, ..])
                {
                    runner.OnDeparture(id);
                }

                break;
            case DequeueEventId:
                if (s_running is { } previous)
                {
                    s_running = null;
                    previous.Runner.OnDepartureEnded(previous.Id);
                }

                if (eventData.Payload is [long picked, ..] && s_waiting.TryRemove(picked, out Runner? owner))
                {
                    s_running = (owner, picked);
                }

                break;
        }
    }
}
