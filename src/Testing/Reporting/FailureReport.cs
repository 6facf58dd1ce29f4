using System.Globalization;
using System.Text;

namespace TrioTest.Testing;

/// <summary>
/// Writes the failure report every failed test prints: the error, the seed and where the schedule sits in the
/// exploration, the line that replays it, and the last steps of its trace.
/// </summary>
/// <remarks>
/// <code>
/// TrioTest: InvalidOperationException: balance went negative
///   seed 0x9E3779B97F4A7C15 (schedule 37 of 1000, Pct depth 3), virtual time 00:00:12.500, 213 steps, 4 tasks
///   replay: [AsyncTest(Seed = "0x9E3779B97F4A7C15")] or TRIOTEST_SEED=0x9E3779B97F4A7C15
///   trace: 5d1c0e6a9b3f2e47 (sha256 of the canonical trace, 240 events)
///   coverage: 37 schedules, 37 distinct traces, 4 conflict orderings
///   last steps:
///     step  time          task              event
///     198   00:00:12.000  main/a->b         checkpoint "debit"   Bank.cs:42
/// </code>
/// A multi-line message (a deadlock's task list) follows under <c>details:</c>, after the trace.
/// </remarks>
internal static class FailureReport
{
    /// <summary>Formats the report of a failed schedule.</summary>
    public static string Format(ScheduleOutcome outcome, TrioTestOptions options, int schedulesPlanned, ExplorationStrategy strategy, ExplorationCoverage? coverage = null, ShrunkSchedule? shrunk = null)
    {
        Exception failure = outcome.Failure!;
        string seed = outcome.Directed?.ToString() ?? outcome.Seed.ToString();
        string[] lines = Describe(failure).ReplaceLineEndings("\n").Split('\n');
        var text = new StringBuilder();
        text.Append("TrioTest: ").Append(failure.GetType().Name).Append(": ").Append(lines[0].Trim()).Append('\n');
        text.Append("  seed ").Append(seed).Append(" (").Append(Where(outcome, schedulesPlanned, strategy, options.PctDepth, options.Shard)).Append("), virtual time ")
            .Append(TraceFormat.Time(outcome.VirtualTime)).Append(", ")
            .Append(outcome.Steps.ToString(CultureInfo.InvariantCulture)).Append(outcome.Steps == 1 ? " step, " : " steps, ")
            .Append(outcome.TaskCount.ToString(CultureInfo.InvariantCulture)).Append(outcome.TaskCount == 1 ? " task" : " tasks").Append('\n');
        if (strategy == ExplorationStrategy.Fifo && options.Strategy != ExplorationStrategy.Fifo)
        {
            // PCT's FIFO sizing run failed: FIFO order needs no seed, and the seed replays it too (its sizing run comes first).
            text.Append("  replay: [").Append(options.ReplayAttribute).Append("(Strategy = ExplorationStrategy.Fifo)], which needs no seed, or TRIOTEST_SEED=").Append(seed).Append('\n');
        }
        else
        {
            text.Append("  replay: [").Append(options.ReplayAttribute).Append("(Seed = \"").Append(seed).Append("\")] or TRIOTEST_SEED=").Append(seed).Append('\n');
        }

        if (shrunk is not null)
        {
            AppendShrunk(text, shrunk, options.ReplayAttribute);
        }

        if (outcome.Trace.Count > 0)
        {
            // The same seed and code give the same hash in any project: a replay that prints another one ran another schedule.
            text.Append("  trace: ").Append(outcome.Trace.Hash.AsSpan(0, 16)).Append(" (sha256 of the canonical trace, ")
                .Append((outcome.Trace.DroppedCount + outcome.Trace.Count).ToString(CultureInfo.InvariantCulture)).Append(" events)\n");
        }

        if (coverage is { Schedules: > 0 })
        {
            text.Append("  coverage: ").Append(coverage.ToString()).Append('\n');
        }

        AppendLimit(text, failure, options.ReplayAttribute);
        if (outcome.Trace.Count > 0 && options.ReportTraceEvents > 0)
        {
            text.Append("  last steps:\n");
            text.Append(CheckpointTrace.FormatTable(outcome.Trace.Tail(options.ReportTraceEvents), "    "));
        }

        if (lines.Length > 1)
        {
            text.Append("  details:\n");
            foreach (string line in lines.Skip(1))
            {
                text.Append("    ").Append(line).Append('\n');
            }
        }

        return text.ToString().TrimEnd('\n');
    }

    /// <summary>Appends the shrunk schedule: its deviations from FIFO order, one line each, and the line that replays it.</summary>
    private static void AppendShrunk(StringBuilder text, ShrunkSchedule shrunk, string attribute)
    {
        int count = shrunk.Deviations.Count;
        text.Append("  shrunk: ");
        text.Append(count == 0 ? "FIFO order fails the same way, with no deviation" : $"{count} deviation{(count == 1 ? string.Empty : "s")} from FIFO order");
        text.Append(" (from ").Append(shrunk.OriginalDeviations.ToString(CultureInfo.InvariantCulture)).Append(", in ")
            .Append(shrunk.SchedulesRun.ToString(CultureInfo.InvariantCulture)).Append(" schedules")
            .Append(shrunk.StoppedBy is { } budget ? $"; stopped by {budget}, so not minimal" : string.Empty).Append(")\n");
        foreach (ScheduleDeviation deviation in shrunk.Deviations)
        {
            text.Append("    ").Append(deviation.ToString()).Append('\n');
        }

        text.Append("  replay shrunk: [").Append(attribute).Append("(Seed = \"").Append(shrunk.Schedule).Append("\")] or TRIOTEST_SEED=").Append(shrunk.Schedule).Append('\n');
    }

    /// <summary>For a schedule that hit a budget, says which one and how to raise it, in the attribute's terms and the options'.</summary>
    private static void AppendLimit(StringBuilder text, Exception failure, string attribute)
    {
        switch (failure)
        {
            case StepLimitExceededException steps:
                text.Append("  limit: StepLimit, ").Append(steps.Limit.ToString(CultureInfo.InvariantCulture))
                    .Append(" steps; if the test needs more, raise it: [").Append(attribute).Append("(StepLimit = ")
                    .Append((2 * steps.Limit).ToString(CultureInfo.InvariantCulture)).Append(")], -1 for none, or TrioTestOptions.StepLimit\n");
                break;
            case VirtualTimeLimitExceededException time:
                double milliseconds = time.Limit.TotalMilliseconds;
                text.Append("  limit: VirtualTimeLimit, ").Append(TraceFormat.Time(time.Limit))
                    .Append(" of virtual time; if the test needs more, raise it: [").Append(attribute).Append("(VirtualTimeLimit = ")
                    .Append((2 * milliseconds).ToString(CultureInfo.InvariantCulture)).Append(")] in milliseconds, or TrioTestOptions.VirtualTimeLimit\n");
                break;
        }
    }

    /// <summary>Gets the failure's message; for several failures at once (a <see cref="NurseryException"/>), each one's type and first line.</summary>
    private static string Describe(Exception failure)
    {
        if (failure is not AggregateException { InnerExceptions.Count: > 1 } aggregate)
        {
            return failure.Message;
        }

        string[] parts = [.. aggregate.InnerExceptions.Select(static e => $"{e.GetType().Name}: {e.Message.ReplaceLineEndings(" ").Trim()}")];
        return $"{parts.Length} failures at once: {string.Join("; ", parts)}";
    }

    /// <summary>Describes where the schedule sits: its number and strategy, or the source of a replayed seed.</summary>
    private static string Where(ScheduleOutcome outcome, int schedulesPlanned, ExplorationStrategy strategy, int pctDepth, TestShard? shard)
    {
        string inShard = shard is { } s ? $", shard {s}" : string.Empty;
        string how = outcome.Directed is not null ? "a pasted schedule" : strategy == ExplorationStrategy.Pct ? $"Pct depth {pctDepth}" : strategy.ToString();
        if (outcome.Schedule == 0)
        {
            // PCT's FIFO sizing run, numbered 0: not a Pct schedule, whatever seed was asked for.
            how = $"the FIFO run that sizes Pct depth {pctDepth}, before any Pct schedule";
            if (outcome.Source == SeedSource.Entropy)
            {
                return how;
            }
        }

        return outcome.Source switch
        {
            SeedSource.Explicit => $"the test's Seed, {how}",
            SeedSource.Environment => $"from TRIOTEST_SEED, {how}",
            SeedSource.Regression => $"recorded regression{inShard}, {how}",
            _ => $"schedule {outcome.Schedule} of {schedulesPlanned}{inShard}, {how}",
        };
    }
}
