using System.Runtime.CompilerServices;

namespace TrioTest;

/// <summary>Time: the run's clock and sleeps.</summary>
public static partial class Trio
{
    /// <summary>Gets the time since the run began on the run's clock (virtual under the harness).</summary>
    /// <exception cref="InvalidOperationException">Not inside a run, or not on its loop thread.</exception>
    public static TimeSpan CurrentTime => Runner.GetCurrent("Trio.CurrentTime").Clock.Now;

    /// <summary>Sleeps for <paramref name="duration"/>: a checkpoint that blocks until then. Zero is a plain checkpoint.</summary>
    /// <param name="duration">How long to sleep; zero or more, or <see cref="Timeout.InfiniteTimeSpan"/> to sleep until cancelled.</param>
    /// <param name="label">A name for this point in traces and reports; "sleep" by default.</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    /// <returns>An awaitable; await it exactly once.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is negative and not <see cref="Timeout.InfiniteTimeSpan"/>.</exception>
    /// <exception cref="InvalidOperationException">Not inside a run, or not on its loop thread.</exception>
    /// <exception cref="Cancelled">Thrown by the await when the scope is cancelled.</exception>
    public static ValueTask SleepAsync(TimeSpan duration, string? label = null, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
    {
        if (Never.IsInvalidDuration(duration))
        {
            ThrowHelper.ThrowNegativeDuration(nameof(duration), duration, "Trio.SleepAsync");
        }

        Runner runner = Runner.GetCurrent("Trio.SleepAsync");
        if (duration == TimeSpan.Zero)
        {
            return runner.CheckpointAsync(CheckpointKind.Checkpoint, label, filePath, line);
        }

        return runner.SleepUntilAsync(Never.DeadlineAfter(runner.Clock.Now, duration), label, filePath, line);
    }

    /// <summary>Sleeps until <paramref name="deadline"/> on the run's clock; a deadline already passed is a plain checkpoint.</summary>
    /// <param name="deadline">When to wake, as a time since the run began; <see cref="Timeout.InfiniteTimeSpan"/> never wakes.</param>
    /// <param name="label">A name for this point in traces and reports; "sleep" by default.</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    /// <returns>An awaitable; await it exactly once.</returns>
    /// <exception cref="InvalidOperationException">Not inside a run, or not on its loop thread.</exception>
    /// <exception cref="Cancelled">Thrown by the await when the scope is cancelled.</exception>
    public static ValueTask SleepUntilAsync(TimeSpan deadline, string? label = null, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0) =>
        Runner.GetCurrent("Trio.SleepUntilAsync").SleepUntilAsync(Never.FromPublic(deadline), label, filePath, line);

    /// <summary>Sleeps until cancelled: a checkpoint that only cancellation ends.</summary>
    /// <param name="label">A name for this point in traces and reports.</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    /// <returns>An awaitable that completes only by throwing <see cref="Cancelled"/>.</returns>
    /// <exception cref="InvalidOperationException">Not inside a run, or not on its loop thread.</exception>
    /// <exception cref="Cancelled">Thrown by the await when the scope is cancelled.</exception>
    [OverloadResolutionPriority(1)]
    public static ValueTask SleepForeverAsync(string? label = null, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0) =>
        Runner.GetCurrent("Trio.SleepForeverAsync").SleepUntilAsync(Never.Deadline, label, filePath, line);

    /// <summary>
    /// Sleeps until cancelled, as a method group: <c>nursery.StartSoon(Trio.SleepForeverAsync)</c>. A call with
    /// parentheses picks the overload that records the caller's line.
    /// </summary>
    /// <returns>An awaitable that completes only by throwing <see cref="Cancelled"/>.</returns>
    /// <exception cref="InvalidOperationException">Not inside a run, or not on its loop thread.</exception>
    /// <exception cref="Cancelled">Thrown by the await when the scope is cancelled.</exception>
    public static ValueTask SleepForeverAsync() =>
        Runner.GetCurrent("Trio.SleepForeverAsync").SleepUntilAsync(Never.Deadline, "sleep forever", string.Empty, 0);
}
