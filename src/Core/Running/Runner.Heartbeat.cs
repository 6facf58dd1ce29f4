namespace TrioTest;

/// <summary>
/// The loop's heartbeat, read from other threads: a watchdog that sees the same odd value for a long time knows one step
/// has held the loop thread that long (a blocking call such as <c>.Result</c>, or a loop with no checkpoint).
/// </summary>
internal sealed partial class Runner
{
    /// <summary>Incremented as each step starts and again as it ends: odd while a step runs.</summary>
    private long _heartbeat;

    /// <summary>The task whose step started last, for the watchdog's report.</summary>
    private volatile TrioTask? _steppingTask;

    /// <summary>Gets the heartbeat: it changes at every step's start and end, and is odd while a step runs. Any thread.</summary>
    internal long Heartbeat => Volatile.Read(ref _heartbeat);

    /// <summary>
    /// Advances the heartbeat; loop thread only. The loop is its one writer, so a plain increment published with a
    /// volatile write is enough: no locked instruction on the path every step takes, twice.
    /// </summary>
    private void Beat() => Volatile.Write(ref _heartbeat, _heartbeat + 1);

    /// <summary>Gets the task whose step started last. Any thread; its properties are a snapshot at best.</summary>
    internal TrioTask? SteppingTask => _steppingTask;

    /// <summary>Gets a value indicating whether a step is running (the heartbeat is odd). Any thread.</summary>
    internal bool IsInStep => (Volatile.Read(ref _heartbeat) & 1) != 0;

    /// <summary>Gets or sets what the running step is blocked in, when the runtime reported a blocking wait: for the blocked-loop report. Any thread.</summary>
    internal string? BlockingWait
    {
        get => Volatile.Read(ref _blockingWait);
        set => Volatile.Write(ref _blockingWait, value);
    }

    /// <summary>The blocking wait the running step is in, if any.</summary>
    private string? _blockingWait;
}
