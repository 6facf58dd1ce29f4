using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.CompilerServices;

// These replace the ambient clocks and real timers that src/ bans: outside a run each one must call exactly the
// original, so this file is the one place that does.
#pragma warning disable RS0030

namespace TrioTest.Testing.Rewriting;

/// <summary>
/// What <c>TrioTest.Rewriting</c> puts in place of ambient time and timers: <c>Task.Delay</c>, <c>PeriodicTimer</c>,
/// <c>CancellationTokenSource</c> timeouts, <c>Thread.Sleep</c>, <c>DateTime.UtcNow</c> and the other clocks. Outside a
/// run each does what the call it replaces does; inside a run on its loop thread it uses the run's clock. Not for direct
/// use: the rewriter calls these.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RewrittenTime
{
    /// <summary>The run-clock timers that <c>CancelAfter</c> set, per source, so a later call replaces an earlier one.</summary>
    private static readonly ConditionalWeakTable<CancellationTokenSource, ITimer> s_cancelAfterTimers = [];

    /// <summary>Replaces <see cref="Task.Delay(TimeSpan)"/>.</summary>
    /// <param name="delay">The delay.</param>
    /// <returns>The delay's task, on the run's clock inside a run.</returns>
    public static Task Delay(TimeSpan delay) => Trio.IsInRun ? Task.Delay(delay, Trio.TimeProvider) : Task.Delay(delay);

    /// <summary>Replaces <see cref="Task.Delay(TimeSpan, CancellationToken)"/>.</summary>
    /// <param name="delay">The delay.</param>
    /// <param name="cancellationToken">Cancels the delay.</param>
    /// <returns>The delay's task, on the run's clock inside a run.</returns>
    public static Task Delay(TimeSpan delay, CancellationToken cancellationToken) =>
        Trio.IsInRun ? Task.Delay(delay, Trio.TimeProvider, cancellationToken) : Task.Delay(delay, cancellationToken);

    /// <summary>Replaces <see cref="Task.Delay(int)"/>.</summary>
    /// <param name="millisecondsDelay">The delay in milliseconds; -1 for ever.</param>
    /// <returns>The delay's task, on the run's clock inside a run.</returns>
    public static Task Delay(int millisecondsDelay) => Trio.IsInRun ? Delay(TimeSpan.FromMilliseconds(millisecondsDelay)) : Task.Delay(millisecondsDelay);

    /// <summary>Replaces <see cref="Task.Delay(int, CancellationToken)"/>.</summary>
    /// <param name="millisecondsDelay">The delay in milliseconds; -1 for ever.</param>
    /// <param name="cancellationToken">Cancels the delay.</param>
    /// <returns>The delay's task, on the run's clock inside a run.</returns>
    public static Task Delay(int millisecondsDelay, CancellationToken cancellationToken) =>
        Trio.IsInRun ? Delay(TimeSpan.FromMilliseconds(millisecondsDelay), cancellationToken) : Task.Delay(millisecondsDelay, cancellationToken);

    /// <summary>Replaces <c>new PeriodicTimer(period)</c>.</summary>
    /// <param name="period">The period.</param>
    /// <returns>The timer, on the run's clock inside a run.</returns>
    public static PeriodicTimer NewPeriodicTimer(TimeSpan period) =>
        Trio.IsInRun ? new PeriodicTimer(period, Trio.TimeProvider) : new PeriodicTimer(period);

    /// <summary>Replaces <c>new CancellationTokenSource(delay)</c>.</summary>
    /// <param name="delay">When the source cancels.</param>
    /// <returns>The source, timed on the run's clock inside a run.</returns>
    public static CancellationTokenSource NewCancellationTokenSource(TimeSpan delay) =>
        Trio.IsInRun ? new CancellationTokenSource(delay, Trio.TimeProvider) : new CancellationTokenSource(delay);

    /// <summary>Replaces <c>new CancellationTokenSource(millisecondsDelay)</c>.</summary>
    /// <param name="millisecondsDelay">When the source cancels, in milliseconds.</param>
    /// <returns>The source, timed on the run's clock inside a run.</returns>
    public static CancellationTokenSource NewCancellationTokenSource(int millisecondsDelay) =>
        Trio.IsInRun ? NewCancellationTokenSource(TimeSpan.FromMilliseconds(millisecondsDelay)) : new CancellationTokenSource(millisecondsDelay);

    /// <summary>Replaces <see cref="CancellationTokenSource.CancelAfter(TimeSpan)"/>: inside a run, a timer on the run's clock cancels the source.</summary>
    /// <param name="source">The source.</param>
    /// <param name="delay">When to cancel; <see cref="Timeout.InfiniteTimeSpan"/> stops an earlier one.</param>
    public static void CancelAfter(CancellationTokenSource source, TimeSpan delay)
    {
        if (!Trio.IsInRun)
        {
            source.CancelAfter(delay);
            return;
        }

        if (s_cancelAfterTimers.TryGetValue(source, out ITimer? timer))
        {
            timer.Change(delay, Timeout.InfiniteTimeSpan);
            return;
        }

        s_cancelAfterTimers.Add(source, Trio.TimeProvider.CreateTimer(static s => ((CancellationTokenSource)s!).Cancel(), source, delay, Timeout.InfiniteTimeSpan));
    }

    /// <summary>Replaces <see cref="CancellationTokenSource.CancelAfter(int)"/>.</summary>
    /// <param name="source">The source.</param>
    /// <param name="millisecondsDelay">When to cancel, in milliseconds; -1 stops an earlier one.</param>
    public static void CancelAfter(CancellationTokenSource source, int millisecondsDelay)
    {
        if (Trio.IsInRun)
        {
            CancelAfter(source, TimeSpan.FromMilliseconds(millisecondsDelay));
        }
        else
        {
            source.CancelAfter(millisecondsDelay);
        }
    }

    /// <summary>
    /// Replaces <see cref="Thread.Sleep(TimeSpan)"/>: inside a run the virtual clock moves by that much and nothing else
    /// runs, which is what a single blocked thread means.
    /// </summary>
    /// <param name="timeout">How long to sleep.</param>
    public static void Sleep(TimeSpan timeout)
    {
        if (Trio.IsInRun && Trio.Clock.IsVirtual && timeout > TimeSpan.Zero)
        {
            Trio.VirtualClock.Jump(timeout);
            return;
        }

        Thread.Sleep(timeout);
    }

    /// <summary>Replaces <see cref="Thread.Sleep(int)"/>.</summary>
    /// <param name="millisecondsTimeout">How long to sleep, in milliseconds.</param>
    public static void Sleep(int millisecondsTimeout)
    {
        if (Trio.IsInRun)
        {
            Sleep(TimeSpan.FromMilliseconds(millisecondsTimeout));
        }
        else
        {
            Thread.Sleep(millisecondsTimeout);
        }
    }

    /// <summary>Replaces <see cref="DateTime.UtcNow"/>.</summary>
    /// <returns>The run's time inside a run; the machine's otherwise.</returns>
    public static DateTime UtcNow() => Trio.IsInRun ? Trio.TimeProvider.GetUtcNow().UtcDateTime : DateTime.UtcNow;

    /// <summary>Replaces <see cref="DateTime.Now"/>.</summary>
    /// <returns>The run's local time inside a run; the machine's otherwise.</returns>
    public static DateTime Now() => Trio.IsInRun ? Trio.TimeProvider.GetLocalNow().DateTime : DateTime.Now;

    /// <summary>Replaces <see cref="DateTimeOffset.UtcNow"/>.</summary>
    /// <returns>The run's time inside a run; the machine's otherwise.</returns>
    public static DateTimeOffset OffsetUtcNow() => Trio.IsInRun ? Trio.TimeProvider.GetUtcNow() : DateTimeOffset.UtcNow;

    /// <summary>Replaces <see cref="DateTimeOffset.Now"/>.</summary>
    /// <returns>The run's local time inside a run; the machine's otherwise.</returns>
    public static DateTimeOffset OffsetNow() => Trio.IsInRun ? Trio.TimeProvider.GetLocalNow() : DateTimeOffset.Now;

    /// <summary>Replaces <see cref="Stopwatch.GetTimestamp"/>: inside a run, the run's time in <see cref="Stopwatch.Frequency"/> units.</summary>
    /// <returns>The timestamp.</returns>
    public static long GetTimestamp()
    {
        if (!Trio.IsInRun)
        {
            return Stopwatch.GetTimestamp();
        }

        TimeSpan now = Trio.CurrentTime;
        long frequency = Stopwatch.Frequency;
        return frequency % TimeSpan.TicksPerSecond == 0
            ? now.Ticks * (frequency / TimeSpan.TicksPerSecond)
            : (long)(now.Ticks * (frequency / (double)TimeSpan.TicksPerSecond));
    }

    /// <summary>Replaces <see cref="Environment.TickCount64"/>: inside a run, the run's time in milliseconds.</summary>
    /// <returns>The tick count.</returns>
    public static long TickCount64() =>
        Trio.IsInRun ? (long)Trio.CurrentTime.TotalMilliseconds : Environment.TickCount64;

    /// <summary>Replaces <see cref="Environment.TickCount"/>.</summary>
    /// <returns>The tick count, wrapping as the original does.</returns>
    public static int TickCount() => Trio.IsInRun ? unchecked((int)TickCount64()) : Environment.TickCount;
}
