namespace TrioTest;

/// <summary>
/// The one spelling of "never" in the public API is <see cref="Timeout.InfiniteTimeSpan"/>, for durations and deadlines
/// alike, as the BCL's timers, <c>Task.Delay</c> and <c>CancelAfter</c> spell it. Inside, an absolute deadline of never is
/// <see cref="TimeSpan.MaxValue"/>, which sorts after every real deadline in the timer heap.
/// </summary>
internal static class Never
{
    /// <summary>The internal absolute deadline that never comes.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.MaxValue;

    /// <summary>Gets the absolute deadline <paramref name="duration"/> after <paramref name="now"/>, saturating at <see cref="Deadline"/>; infinite gives never.</summary>
    public static TimeSpan DeadlineAfter(TimeSpan now, TimeSpan duration) =>
        duration == Timeout.InfiniteTimeSpan || duration >= Deadline - now ? Deadline : now + duration;

    /// <summary>Maps a public deadline to the internal form: <see cref="Timeout.InfiniteTimeSpan"/> (or <see cref="TimeSpan.MaxValue"/>) is never.</summary>
    public static TimeSpan FromPublic(TimeSpan deadline) => deadline == Timeout.InfiniteTimeSpan ? Deadline : deadline;

    /// <summary>Maps an internal deadline to the public form: never is <see cref="Timeout.InfiniteTimeSpan"/>.</summary>
    public static TimeSpan ToPublic(TimeSpan deadline) => deadline == Deadline ? Timeout.InfiniteTimeSpan : deadline;

    /// <summary>Gets a value indicating whether a duration is negative and not the infinite one: the error every duration argument reports.</summary>
    public static bool IsInvalidDuration(TimeSpan duration) => duration < TimeSpan.Zero && duration != Timeout.InfiniteTimeSpan;
}
