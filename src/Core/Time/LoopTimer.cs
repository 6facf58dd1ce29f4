using System.Diagnostics;

namespace TrioTest;

/// <summary>
/// A timer of the run's <see cref="TimeProvider"/>: an entry in the loop's timer heap whose callback runs on the
/// loop thread, with no synchronization context current, in the execution context captured at creation.
/// </summary>
/// <remarks>
/// Use from another thread is marshalled to the loop (and recorded as an escape): the heap is the loop's alone.
/// A periodic timer is re-armed at due + period before its callback runs (so the callback may change or dispose it),
/// catching up missed periods under a virtual clock as <c>FakeTimeProvider</c> does, and skipping them under a real clock.
/// </remarks>
[DebuggerDisplay("LoopTimer(period {_period})")]
internal sealed class LoopTimer : ITimer, ITimerTarget
{
    /// <summary>
    /// The longest due time or period in whole milliseconds, 0xFFFFFFFE (about 49.7 days): what <see cref="TimeProvider.System"/>
    /// and <c>FakeTimeProvider</c> accept, so a timer that works under the loop cannot throw in production.
    /// </summary>
    private const long MaxSupportedMilliseconds = 0xFFFFFFFE;

    /// <summary>The run.</summary>
    private readonly Runner _runner;

    /// <summary>The user's callback.</summary>
    private readonly TimerCallback _callback;

    /// <summary>The callback's state.</summary>
    private readonly object? _state;

    /// <summary>The execution context captured at creation, or null if flow was suppressed.</summary>
    private readonly ExecutionContext? _context;

    /// <summary>The period, or zero/infinite for a one-shot timer.</summary>
    private TimeSpan _period;

    /// <summary>True once disposed.</summary>
    private bool _disposed;

    internal LoopTimer(Runner runner, TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _runner = runner;
        _callback = callback;
        _state = state;
        _context = ExecutionContext.Capture();
        Change(dueTime, period);
    }

    /// <summary>The timer's registration in the run's timer heap.</summary>
    private TimerRegistration _registration;

    /// <inheritdoc/>
    public long TimerGeneration => _registration.Generation;

    /// <summary>
    /// Throws if <paramref name="dueTime"/> or <paramref name="period"/> is negative and not infinite, or longer than
    /// <see cref="TimeProvider.System"/> accepts.
    /// </summary>
    internal static void Validate(TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime < TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, "A timer's due time must be zero or more, or Timeout.InfiniteTimeSpan to leave it stopped.");
        }

        if ((long)dueTime.TotalMilliseconds > MaxSupportedMilliseconds)
        {
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, "A timer's due time must be at most 0xFFFFFFFE ms (about 49.7 days), as on TimeProvider.System, or Timeout.InfiniteTimeSpan to leave it stopped.");
        }

        if (period < TimeSpan.Zero && period != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "A timer's period must be zero or more, or Timeout.InfiniteTimeSpan for a one-shot timer.");
        }

        if ((long)period.TotalMilliseconds > MaxSupportedMilliseconds)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "A timer's period must be at most 0xFFFFFFFE ms (about 49.7 days), as on TimeProvider.System, or Timeout.InfiniteTimeSpan for a one-shot timer.");
        }
    }

    /// <inheritdoc/>
    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        Validate(dueTime, period);
        if (_disposed)
        {
            return false;
        }

        if (!_runner.IsLoopThread)
        {
            _runner.PostFromOtherThread(null, new Action(() => ChangeOnLoop(dueTime, period)), null, EscapeKind.ForeignTimer);
            return true;
        }

        ChangeOnLoop(dueTime, period);
        return true;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_runner.IsLoopThread)
        {
            _runner.PostFromOtherThread(null, new Action(Disarm), null, EscapeKind.ForeignTimer);
            return;
        }

        Disarm();
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return default;
    }

    /// <inheritdoc/>
    public void OnTimerFired(TimeSpan due)
    {
        _registration.Fired();
        if (IsPeriodic)
        {
            TimeSpan next = due + _period;
            TimeSpan now = _runner.Clock.Now;
            if (next <= now && !_runner.Clock.IsVirtual)
            {
                // Real time fell behind: skip the missed periods rather than fire a burst.
                next = now + _period;
            }

            _registration.Register(_runner, this, next);
        }

        if (_context is null)
        {
            _callback(_state);
        }
        else
        {
            ExecutionContext.Run(_context, static s =>
            {
                var timer = (LoopTimer)s!;
                timer._callback(timer._state);
            }, this);
        }
    }

    /// <summary>Gets a value indicating whether the timer re-arms itself.</summary>
    private bool IsPeriodic => _period > TimeSpan.Zero;

    /// <summary>Re-arms the timer on the loop thread.</summary>
    private void ChangeOnLoop(TimeSpan dueTime, TimeSpan period)
    {
        if (_disposed)
        {
            return;
        }

        Disarm();
        _period = period;
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        TimeSpan now = _runner.Clock.Now;
        TimeSpan deadline = Never.DeadlineAfter(now, dueTime);
        if (deadline != Never.Deadline)
        {
            _registration.Register(_runner, this, deadline);
        }
    }

    /// <summary>Makes any registration stale (a disposed or changed timer).</summary>
    private void Disarm() => _registration.Drop(_runner);
}
