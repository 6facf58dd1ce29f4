namespace TrioTest;

/// <summary>
/// The run's clock as a <see cref="TimeProvider"/> (<see cref="Trio.TimeProvider"/>): <c>Task.Delay(d, tp)</c>,
/// <c>new CancellationTokenSource(d, tp)</c>, <c>PeriodicTimer(d, tp)</c> and <c>WaitAsync(d, tp)</c> all create
/// their timer here, so under a virtual clock they run in virtual time and autojump with everything else.
/// </summary>
/// <remarks>
/// Under a virtual clock, <see cref="GetUtcNow"/> is a fixed epoch (2000-01-01T00:00:00Z) plus the run's time and
/// the local time zone is UTC, so timestamps repeat run after run. Timers fire each at its own due time, in
/// (deadline, creation) order; unlike <c>FakeTimeProvider.Advance</c>, a callback never sees a later time than its
/// own due time during an autojump, and a chain of delays runs to its end in one autojump sequence.
/// </remarks>
internal sealed class LoopTimeProvider : TimeProvider
{
    /// <summary>The wall-clock time at virtual time zero.</summary>
    internal static readonly DateTimeOffset VirtualEpoch = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The run.</summary>
    private readonly Runner _runner;

    internal LoopTimeProvider(Runner runner) => _runner = runner;

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() =>
        _runner.Clock.IsVirtual ? VirtualEpoch + _runner.Clock.Now : System.GetUtcNow();

    /// <inheritdoc/>
    public override TimeZoneInfo LocalTimeZone => _runner.Clock.IsVirtual ? TimeZoneInfo.Utc : System.LocalTimeZone;

    /// <inheritdoc/>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc/>
    public override long GetTimestamp() => _runner.Clock.Now.Ticks;

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="callback"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A negative time other than <see cref="Timeout.InfiniteTimeSpan"/>, or one longer than 0xFFFFFFFE ms (about 49.7 days),
    /// the longest <see cref="TimeProvider.System"/> accepts.
    /// </exception>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        LoopTimer.Validate(dueTime, period);
        return new LoopTimer(_runner, callback, state, dueTime, period);
    }

    /// <inheritdoc/>
    public override string ToString() => $"Trio.TimeProvider({_runner.Clock})";
}
