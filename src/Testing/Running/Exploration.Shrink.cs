namespace TrioTest.Testing;

/// <summary>Shrinking a failing schedule: ddmin over its deviations from FIFO order (see <see cref="ShrunkSchedule"/>).</summary>
internal sealed partial class Exploration
{
    /// <summary>
    /// Shrinks a failing schedule, or returns null when there is nothing to shrink: shrinking is off, the schedule was FIFO
    /// order or a pasted schedule already, or the failure was a budget (step limit, watchdog) that would only repeat.
    /// </summary>
    /// <remarks>
    /// A batch strategy's schedule (Random) is recorded and shrunk batch by batch. A one-step-at-a-time strategy's (Pct)
    /// is shrunk twice: first as <see cref="ScheduleMode.Runs"/>, where one deviation lets a task run ahead until it
    /// blocks (one PCT priority change), then the result again as <see cref="ScheduleMode.Steps"/>, where FIFO order
    /// interleaves tasks step by step for free; the one with fewer deviations wins.
    /// </remarks>
    /// <param name="failed">The failing schedule.</param>
    /// <param name="strategy">Makes a fresh instance of the strategy that ran it.</param>
    private ShrunkSchedule? Shrink(ScheduleOutcome failed, Func<ScheduleStrategy>? strategy)
    {
        if (!_options.Shrink || strategy is null || _stopReason is not null || failed.Failure is StepLimitExceededException or TimeoutException or LoopBlockedException)
        {
            return null;
        }

        var session = new ShrinkSession(this, failed);
        ScheduleStrategy first = strategy();
        ScheduleMode mode = first.PicksOneStepAtATime ? ScheduleMode.Runs : ScheduleMode.Batches;
        if (session.Record(first, mode) is not { } recorded)
        {
            // The failure did not repeat: nothing to shrink.
            return null;
        }

        int original = recorded.Count;
        ShrinkSession.Candidate? best = session.Minimize(mode, recorded);
        if (mode == ScheduleMode.Runs && best is { } runs && runs.Applied.Count > 1
            && session.Record(new DirectedStrategy(new DirectedSchedule(ScheduleMode.Runs, runs.Applied, failed.Seed)), ScheduleMode.Steps) is { } asSteps
            && session.Minimize(ScheduleMode.Steps, asSteps) is { } steps && steps.Applied.Count < runs.Applied.Count)
        {
            best = steps;
        }

        // Not one candidate confirmed (the budget ran out first): the recorded schedule itself is the smallest known.
        best ??= session.Try(mode, recorded, overBudget: true);
        if (best is not { } found)
        {
            return null;
        }

        string schedule = new DirectedSchedule(found.Mode, found.Applied, failed.Seed).ToString();
        return new ShrunkSchedule(schedule, found.Applied, original, session.Runs, session.Elapsed, session.StoppedBy, found.Outcome.Failure!, found.Outcome.Trace);
    }

    /// <summary>Whether <paramref name="candidate"/> failed as <paramref name="original"/> did: the same type and the same first line of message.</summary>
    private static bool SameSymptom(Exception original, Exception? candidate) =>
        candidate is not null && candidate.GetType() == original.GetType() && FirstLine(candidate.Message) == FirstLine(original.Message);

    /// <summary>Gets the first line of a message (a deadlock's list of tasks, which names steps, follows it).</summary>
    private static string FirstLine(string message)
    {
        int end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }

    /// <summary>The schedules run while shrinking one failure, against its budgets.</summary>
    private sealed class ShrinkSession(Exploration exploration, ScheduleOutcome failed)
    {
        /// <summary>When shrinking started, in <see cref="TimeProvider.System"/>'s timestamps.</summary>
        private readonly long _started = TimeProvider.System.GetTimestamp();

        /// <summary>Gets how many schedules shrinking ran.</summary>
        public int Runs { get; private set; }

        /// <summary>Gets the budget that stopped shrinking; null while none has.</summary>
        public string? StoppedBy { get; private set; }

        /// <summary>Gets the real time shrinking has taken.</summary>
        public TimeSpan Elapsed => TimeProvider.System.GetElapsedTime(_started);

        /// <summary>Replays the failing schedule under <paramref name="strategy"/>, recording its deviations as a <paramref name="mode"/> schedule; null if it did not fail the same way.</summary>
        public List<ScheduleDeviation>? Record(ScheduleStrategy strategy, ScheduleMode mode)
        {
            var recording = new RecordingStrategy(strategy, mode);
            Runs++;
            ScheduleOutcome outcome = exploration.RunSchedule(failed.Seed, failed.Source, failed.Schedule, failed.Schedule, recording, counted: false);
            return SameSymptom(failed.Failure!, outcome.Failure) ? [.. recording.Deviations] : null;
        }

        /// <summary>Delta debugging (ddmin) over <paramref name="deviations"/>: the smallest failing subset found, or null if none failed.</summary>
        public Candidate? Minimize(ScheduleMode mode, List<ScheduleDeviation> deviations)
        {
            if (Try(mode, []) is { } fifo)
            {
                return fifo;
            }

            Candidate? best = null;
            List<ScheduleDeviation> current = deviations;
            int granularity = 2;
            while (current.Count >= 2 && StoppedBy is null)
            {
                List<List<ScheduleDeviation>> chunks = Split(current, Math.Min(granularity, current.Count));
                Candidate? smaller = null;
                foreach (List<ScheduleDeviation> chunk in chunks)
                {
                    if ((smaller = Try(mode, chunk)) is not null)
                    {
                        granularity = 2;
                        break;
                    }
                }

                // With two chunks, each complement is the other chunk, already tried.
                if (smaller is null && chunks.Count > 2)
                {
                    foreach (List<ScheduleDeviation> chunk in chunks)
                    {
                        if ((smaller = Try(mode, [.. current.Where(d => !chunk.Contains(d))])) is not null)
                        {
                            granularity = Math.Max(granularity - 1, 2);
                            break;
                        }
                    }
                }

                if (smaller is { } found)
                {
                    // A listed deviation past the steps ready at its point was not applied: drop it too.
                    best = found;
                    current = [.. found.Applied];
                    continue;
                }

                if (granularity >= current.Count)
                {
                    break;
                }

                granularity = Math.Min(granularity * 2, current.Count);
            }

            return best ?? Try(mode, current);
        }

        /// <summary>Runs one candidate schedule within the budgets; it counts when it fails with the original symptom.</summary>
        public Candidate? Try(ScheduleMode mode, List<ScheduleDeviation> deviations, bool overBudget = false)
        {
            TrioTestOptions options = exploration._options;
            if (exploration._stopReason is not null)
            {
                StoppedBy ??= "the test's Timeout";
                return null;
            }

            if (!overBudget)
            {
                if (StoppedBy is not null)
                {
                    return null;
                }

                if (Runs >= options.ShrinkMaxSchedules)
                {
                    StoppedBy = $"ShrinkMaxSchedules ({options.ShrinkMaxSchedules})";
                    return null;
                }

                if (Elapsed >= options.ShrinkTimeout)
                {
                    StoppedBy = $"ShrinkTimeout ({options.ShrinkTimeout})";
                    return null;
                }
            }

            Runs++;
            var directed = new DirectedStrategy(new DirectedSchedule(mode, deviations, failed.Seed));
            ScheduleOutcome outcome = exploration.RunSchedule(failed.Seed, failed.Source, failed.Schedule, failed.Schedule, directed, counted: false);
            return SameSymptom(failed.Failure!, outcome.Failure) ? new Candidate(mode, outcome, [.. directed.Applied]) : null;
        }

        /// <summary>Splits a list into <paramref name="parts"/> contiguous chunks of near-equal size.</summary>
        private static List<List<ScheduleDeviation>> Split(List<ScheduleDeviation> items, int parts)
        {
            var chunks = new List<List<ScheduleDeviation>>(parts);
            int start = 0;
            for (int i = 0; i < parts; i++)
            {
                int end = (int)((long)items.Count * (i + 1) / parts);
                chunks.Add(items.GetRange(start, end - start));
                start = end;
            }

            return chunks;
        }

        /// <summary>A schedule that failed with the original symptom, and the deviations it applied.</summary>
        public readonly record struct Candidate(ScheduleMode Mode, ScheduleOutcome Outcome, IReadOnlyList<ScheduleDeviation> Applied);
    }
}
