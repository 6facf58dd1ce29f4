namespace TrioTest;

/// <summary>Names the likely cause of an escape, and its fix, from the culprit's stack.</summary>
internal static class EscapeDiagnosis
{
    /// <summary>Stack fragments and what they mean, most specific first.</summary>
    private static readonly (string Fragment, string Diagnosis)[] s_rules =
    [
        ("DelayPromise", "Task.Delay without a TimeProvider: pass Trio.TimeProvider, as in Task.Delay(delay, Trio.TimeProvider), or use Trio.SleepAsync."),
        ("TimerQueueTimer", "a real timer (System.Threading.Timer, CancellationTokenSource.CancelAfter, or an API called without a TimeProvider): create it from Trio.TimeProvider."),
        ("System.Net.Sockets", "real network I/O completed on another thread: use a virtual transport in tests, or run the blocking call with Trio.ToThreadAsync."),
        ("System.IO", "real file or stream I/O completed on another thread: run it with Trio.ToThreadAsync, which the loop counts as external work."),
        ("ExecuteWithThreadLocal", "work on the thread pool (Task.Run, Task.Factory.StartNew, or a ConfigureAwait(false) continuation that left the loop): run blocking work with Trio.ToThreadAsync, and let awaits resume on the loop."),
        ("ThreadPoolWorkQueue", "a thread-pool callback: run blocking work with Trio.ToThreadAsync, and let awaits resume on the loop."),
    ];

    /// <summary>Returns the diagnosis for an escape of <paramref name="kind"/> with the culprit's <paramref name="stackTrace"/>.</summary>
    public static string Diagnose(EscapeKind kind, string stackTrace)
    {
        if (kind == EscapeKind.Departure)
        {
            return DepartureDiagnosis.Diagnose(stackTrace);
        }

        foreach ((string fragment, string diagnosis) in s_rules)
        {
            if (stackTrace.Contains(fragment, StringComparison.Ordinal))
            {
                return kind == EscapeKind.ForeignTimer
                    ? $"the run's TimeProvider was used from another thread, reached through {diagnosis}"
                    : diagnosis;
            }
        }

        return kind switch
        {
            EscapeKind.ForeignTimer => "the run's TimeProvider was used from another thread: create and change timers from the run's tasks.",
            EscapeKind.ForeignTaskQueue => "a task was queued to Trio.TaskScheduler from another thread: queue it from the run's tasks.",
            _ => "code on another thread posted back to the loop: keep the test's work on the loop (Trio.TimeProvider for timers, Trio.ToThreadAsync for blocking work).",
        };
    }
}
