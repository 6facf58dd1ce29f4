namespace TrioTest;

/// <summary>
/// The source of time for one run. <see cref="Now"/> is the time since the run started; the loop asks
/// <see cref="GetRealTimeUntil"/> how long it may sleep before the next deadline.
/// </summary>
/// <remarks>
/// A clock drives at most one run: create a new one for each <see cref="Trio.Run(Func{Task}, RunOptions?)"/>.
/// The built-in clocks are <see cref="SystemClock"/> (real time, the default) and <see cref="VirtualClock"/>
/// (virtual time with autojump, what the test harness uses).
/// </remarks>
public abstract class Clock
{
    /// <summary>1 when a run has claimed this clock.</summary>
    private int _claimed;

    /// <summary>Gets the time elapsed on this clock since the run started.</summary>
    public abstract TimeSpan Now { get; }

    /// <summary>
    /// Gets a value indicating whether this is a <see cref="VirtualClock"/>: its timestamps are a fixed epoch plus
    /// <see cref="Now"/>, the loop autojumps it, and deadlocks are detected by default. Custom clocks are real-time clocks.
    /// </summary>
    public bool IsVirtual => this is VirtualClock;

    /// <summary>
    /// Returns the real time the loop may wait, if nothing else happens, before <paramref name="deadline"/>
    /// is reached on this clock: <see cref="TimeSpan.Zero"/> if it has passed, or
    /// <see cref="Timeout.InfiniteTimeSpan"/> if real waiting never reaches it.
    /// </summary>
    /// <param name="deadline">A time on this clock.</param>
    /// <returns>The real time to wait.</returns>
    public abstract TimeSpan GetRealTimeUntil(TimeSpan deadline);

    /// <summary>Called by the loop when the run starts, before any step runs.</summary>
    protected abstract void OnStart();

    /// <summary>Gets or sets the run this clock drives.</summary>
    internal Runner? Owner { get; set; }

    /// <summary>Claims the clock for one run and starts it.</summary>
    /// <exception cref="InvalidOperationException">The clock already drove a run.</exception>
    internal void Start()
    {
        if (Interlocked.Exchange(ref _claimed, 1) != 0)
        {
            throw new InvalidOperationException(
                $"This {GetType().Name} already drove a run. A clock drives exactly one Trio.Run: create a new one for each run.");
        }

        OnStart();
    }
}
