using System.Diagnostics;

namespace TrioTest;

/// <summary>
/// Virtual time: Trio's <c>MockClock</c>. Time stands still (or runs at <see cref="Rate"/> times real time)
/// and moves when <see cref="Jump"/> is called or, with autojump, whenever every task is blocked: the loop
/// then jumps straight to the next deadline, so an hour of sleeps passes in microseconds.
/// </summary>
/// <remarks>
/// Only the loop knows that every task is blocked, so the loop decides when to autojump; the clock only
/// holds the threshold. <see cref="AutojumpThreshold"/> is real time: the loop first waits that long for
/// outside events (work on other threads) and jumps only if none came. The test harness uses a threshold of zero.
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class VirtualClock : Clock
{
    /// <summary>The virtual time at the last re-basing.</summary>
    private TimeSpan _virtualBase;

    /// <summary>The real timestamp at the last re-basing.</summary>
    private long _realBase;

    /// <summary>Virtual seconds per real second.</summary>
    private double _rate;

    /// <summary>Real idle time before an autojump, or <see cref="Timeout.InfiniteTimeSpan"/> for none.</summary>
    private TimeSpan _autojumpThreshold;

    /// <summary>Initializes a clock at time zero that never autojumps (as Trio's <c>MockClock()</c>) and stands still between jumps.</summary>
    public VirtualClock()
        : this(Timeout.InfiniteTimeSpan)
    {
    }

    /// <summary>Initializes a clock at time zero with the given autojump threshold and rate.</summary>
    /// <param name="autojumpThreshold">
    /// Real idle time before the loop jumps to the next deadline; <see cref="TimeSpan.Zero"/> jumps at once,
    /// <see cref="Timeout.InfiniteTimeSpan"/> never autojumps.
    /// </param>
    /// <param name="rate">Virtual seconds that pass per real second; 0 (the default) stops time between jumps.</param>
    /// <exception cref="ArgumentOutOfRangeException">A negative threshold other than <see cref="Timeout.InfiniteTimeSpan"/>, or a negative, infinite or NaN rate.</exception>
    public VirtualClock(TimeSpan autojumpThreshold, double rate = 0)
    {
        AutojumpThreshold = autojumpThreshold;
        Rate = rate;
    }

    /// <summary>Creates the clock the test harness uses: autojump at once, time stopped between jumps.</summary>
    /// <returns>A new <see cref="VirtualClock"/> with a zero autojump threshold.</returns>
    public static VirtualClock CreateAutojumping() => new(TimeSpan.Zero);

    /// <inheritdoc/>
    public override TimeSpan Now => _rate == 0 ? _virtualBase : _virtualBase + RealSinceBase() * _rate;

    /// <summary>Gets or sets how many virtual seconds pass per real second (0 by default). Setting it re-bases the clock, so time already passed is kept.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, infinite or NaN.</exception>
    public double Rate
    {
        get => _rate;
        set
        {
            if (double.IsNaN(value) || double.IsInfinity(value) || value < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value,
                    "VirtualClock.Rate must be a finite number of virtual seconds per real second, 0 or more (0 stops time between jumps).");
            }

            Rebase();
            _rate = value;
        }
    }

    /// <summary>
    /// Gets or sets the real idle time after which the loop jumps to the next deadline:
    /// <see cref="TimeSpan.Zero"/> jumps as soon as every task is blocked; <see cref="Timeout.InfiniteTimeSpan"/> never jumps.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative and not <see cref="Timeout.InfiniteTimeSpan"/>.</exception>
    public TimeSpan AutojumpThreshold
    {
        get => _autojumpThreshold;
        set
        {
            if (value < TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value,
                    "VirtualClock.AutojumpThreshold must be zero or more (zero jumps as soon as every task is blocked), or Timeout.InfiniteTimeSpan to never jump.");
            }

            _autojumpThreshold = value;
        }
    }

    /// <summary>Moves virtual time forward by <paramref name="duration"/>. Timers that fall due fire on the loop's next pass.</summary>
    /// <param name="duration">How far to move; zero or more.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is negative: time can't go backwards.</exception>
    public void Jump(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration,
                "time can't go backwards: VirtualClock.Jump takes a duration of zero or more.");
        }

        if (Runner.CurrentOrNull is not { IsLoopThread: true } && Owner is { IsRunning: true })
        {
            throw new InvalidOperationException(
                "VirtualClock.Jump was called from another thread while the clock drives a run: call it from one of the run's tasks, so the loop sees the jump.");
        }

        _virtualBase += duration;
    }

    /// <inheritdoc/>
    public override TimeSpan GetRealTimeUntil(TimeSpan deadline)
    {
        TimeSpan remaining = deadline - Now;
        if (remaining <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        if (_rate == 0)
        {
            return Timeout.InfiniteTimeSpan;
        }

        double seconds = remaining.TotalSeconds / _rate;
        return seconds >= TimeSpan.FromDays(1).TotalSeconds ? TimeSpan.FromDays(1) : TimeSpan.FromSeconds(seconds);
    }

    /// <summary>Moves the clock to <paramref name="deadline"/> if it lies ahead (the loop's autojump).</summary>
    /// <param name="deadline">The next deadline.</param>
    internal void AutojumpTo(TimeSpan deadline)
    {
        TimeSpan jump = deadline - Now;

        // Trio#1190: never jump by a negative or infinite amount.
        if (jump > TimeSpan.Zero)
        {
            _virtualBase += jump;
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// A stopped clock (rate 0, the harness's) reads no real time: a read of the system clock costs tens of nanoseconds
    /// here, a few percent of a trivial schedule. Setting <see cref="Rate"/> re-bases the clock before it runs.
    /// </remarks>
    protected override void OnStart()
    {
        if (_rate != 0)
        {
            _realBase = TimeProvider.System.GetTimestamp();
        }
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"VirtualClock(now {Now}, rate {_rate}, autojump {(_autojumpThreshold == Timeout.InfiniteTimeSpan ? "off" : _autojumpThreshold.ToString())})";

    /// <summary>Folds the time passed at the current rate into the base, so a rate change applies from now on.</summary>
    private void Rebase()
    {
        _virtualBase = Now;
        _realBase = TimeProvider.System.GetTimestamp();
    }

    /// <summary>Real time since the last re-basing.</summary>
    private TimeSpan RealSinceBase() => TimeProvider.System.GetElapsedTime(_realBase);
}
