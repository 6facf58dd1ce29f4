using System.Globalization;

namespace TrioTest.Testing;

/// <summary>
/// How much of a test's schedule space an exploration saw: how many distinct interleavings it ran, by trace and by the
/// ordered pairs of conflicting checkpoints, and how many schedules in a row at the end added nothing new.
/// </summary>
/// <remarks>
/// <para>A <b>distinct trace</b> is a distinct <see cref="TraceFingerprints"/> value: a stable 64-bit hash (xxHash64's round) of the same fields
/// the canonical trace text holds (step, time, task, kind, label, source file), of every event of the schedule, those that
/// left the window included. Equal canonical traces give equal fingerprints, on every machine.</para>
/// <para>A <b>conflict ordering</b> is a triple (label, first task, second task): two checkpoint or wait events with the
/// same label, of different tasks, with no event of that label between them, in that order. Two tasks that pass the
/// checkpoint "debit" give "debit": a then b in one schedule and b then a in another; an exploration that only ever saw
/// one of them has not tried the other order. Only the events in the trace window (<see cref="TrioTestOptions.TraceWindow"/>) count.</para>
/// <para>Coverage is measured from each schedule's trace, so it is not measured when <see cref="TrioTestOptions.RecordTrace"/>
/// is off (<see cref="IsMeasured"/> is false and <see cref="NotMeasuredReason"/> says why). The PCT sizing run, the runs
/// that check a failure depends on the schedule, and shrinking runs are not counted.</para>
/// </remarks>
public sealed class ExplorationCoverage
{
    internal ExplorationCoverage(int schedules, int distinctTraces, IReadOnlyList<string> conflictOrderings, int schedulesSinceNewCoverage, bool stoppedEarly, IReadOnlyList<ulong> fingerprints, string? notMeasuredReason)
    {
        Schedules = schedules;
        DistinctTraces = distinctTraces;
        ConflictOrderings = conflictOrderings;
        SchedulesSinceNewCoverage = schedulesSinceNewCoverage;
        StoppedEarly = stoppedEarly;
        TraceFingerprints = fingerprints;
        NotMeasuredReason = notMeasuredReason;
    }

    /// <summary>Gets a value indicating whether coverage was measured; <see langword="false"/> when traces were not recorded.</summary>
    public bool IsMeasured => NotMeasuredReason is null;

    /// <summary>Gets why coverage was not measured; <see langword="null"/> when it was.</summary>
    public string? NotMeasuredReason { get; }

    /// <summary>Gets how many of the exploration's schedules were measured.</summary>
    public int Schedules { get; }

    /// <summary>Gets how many distinct traces those schedules produced: distinct interleavings run.</summary>
    public int DistinctTraces { get; }

    /// <summary>Gets the distinct conflict orderings seen, each as <c>"label": first-task -&gt; second-task</c>, sorted ordinally.</summary>
    public IReadOnlyList<string> ConflictOrderings { get; }

    /// <summary>Gets how many schedules in a row, at the end, added neither a new trace nor a new conflict ordering.</summary>
    public int SchedulesSinceNewCoverage { get; }

    /// <summary>Gets a value indicating whether the exploration stopped before its planned schedules because <see cref="TrioTestOptions.StopAfterSchedulesWithoutNewCoverage"/> schedules in a row added nothing.</summary>
    public bool StoppedEarly { get; }

    /// <summary>Gets the fingerprint of each measured schedule's trace, in the order they ran; merge the lists of several shards to count their distinct traces together.</summary>
    public IReadOnlyList<ulong> TraceFingerprints { get; }

    /// <summary>Gets the coverage as the report prints it.</summary>
    /// <returns>Such as <c>1000 schedules, 412 distinct traces, 6 conflict orderings; the last 300 schedules added nothing new</c>.</returns>
    public override string ToString()
    {
        if (!IsMeasured)
        {
            return $"not measured: {NotMeasuredReason}";
        }

        string text = $"{Count(Schedules, "schedule")}, {Count(DistinctTraces, "distinct trace")}, {Count(ConflictOrderings.Count, "conflict ordering")}";
        if (StoppedEarly)
        {
            return text + $"; stopped after {Count(SchedulesSinceNewCoverage, "schedule")} in a row added nothing new";
        }

        return SchedulesSinceNewCoverage > 0 ? text + $"; the last {Count(SchedulesSinceNewCoverage, "schedule")} added nothing new" : text;
    }

    /// <summary>Formats a count with its noun, singular or plural.</summary>
    private static string Count(int count, string noun) => count.ToString("N0", CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");
}
