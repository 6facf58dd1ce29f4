using System.Globalization;
using System.Text;

namespace TrioTest.Testing;

/// <summary>
/// A schedule written as FIFO order plus a list of deviations, in one pasteable value:
/// <c>fifo+13:2,30:1@0x9E3779B97F4A7C15</c> runs steps in the order they became ready, except that before step 13 it
/// picks the third step left in the batch and before step 30 the second, with the body's seed (for its randomness) after
/// the <c>@</c>. <c>fifo-steps+…</c> picks one step at a time from everything ready instead of batch by batch (PCT's mode);
/// <c>fifo-runs+…</c> does too, and the task a deviation picks keeps running while it has a ready step, so a task that runs
/// far ahead of another is one deviation there (one PCT priority change), where one step at a time it is one per step.
/// </summary>
internal sealed class DirectedSchedule
{
    /// <summary>The prefix of a batch-by-batch schedule.</summary>
    private const string BatchPrefix = "fifo";

    /// <summary>The prefix of a one-step-at-a-time schedule.</summary>
    private const string StepsPrefix = "fifo-steps";

    /// <summary>The prefix of a one-step-at-a-time schedule whose picked tasks run on.</summary>
    private const string RunsPrefix = "fifo-runs";

    public DirectedSchedule(ScheduleMode mode, IEnumerable<ScheduleDeviation> deviations, Seed seed)
    {
        Mode = mode;
        Deviations = [.. deviations.OrderBy(static d => d.Step)];
        Seed = seed;
    }

    /// <summary>Gets how the schedule departs from FIFO order.</summary>
    public ScheduleMode Mode { get; }

    /// <summary>Gets a value indicating whether the schedule picks one step at a time from every ready step, rather than ordering batches.</summary>
    public bool OneStepAtATime => Mode != ScheduleMode.Batches;

    /// <summary>Gets the deviations, by increasing step; at most one per step.</summary>
    public IReadOnlyList<ScheduleDeviation> Deviations { get; }

    /// <summary>Gets the seed the body's randomness and the run use; the order of steps does not depend on it.</summary>
    public Seed Seed { get; }

    /// <summary>Gets the schedule's pasteable text, such as <c>fifo+13:2,30:1@0x9E3779B97F4A7C15</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Mode switch { ScheduleMode.Steps => StepsPrefix, ScheduleMode.Runs => RunsPrefix, _ => BatchPrefix });
        for (int i = 0; i < Deviations.Count; i++)
        {
            text.Append(i == 0 ? '+' : ',')
                .Append(Deviations[i].Step.ToString(CultureInfo.InvariantCulture)).Append(':')
                .Append(Deviations[i].Index.ToString(CultureInfo.InvariantCulture));
        }

        return text.Append('@').Append(Seed.ToString()).ToString();
    }

    /// <summary>Gets a value indicating whether <paramref name="text"/> looks like a schedule rather than a seed (it starts with <c>fifo</c>).</summary>
    public static bool LooksLikeSchedule(string? text) => text is not null && text.TrimStart().StartsWith(BatchPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Tries to parse a schedule's text.</summary>
    /// <returns><see langword="true"/> if valid; otherwise, <see langword="false"/> and <paramref name="problem"/> says what is wrong.</returns>
    public static bool TryParse(string? text, out DirectedSchedule? schedule, out string? problem)
    {
        schedule = null;
        problem = null;
        string body = text?.Trim() ?? string.Empty;
        Seed seed = default;
        int at = body.IndexOf('@');
        if (at >= 0)
        {
            if (!Seed.TryParse(body.AsSpan(at + 1), out seed))
            {
                problem = $"the seed after '@' (\"{body[(at + 1)..]}\") is not 0x and 1 to 16 hex digits";
                return false;
            }

            body = body[..at];
        }

        int plus = body.IndexOf('+');
        string head = plus < 0 ? body : body[..plus];
        ScheduleMode? mode = head.ToLowerInvariant() switch
        {
            BatchPrefix => ScheduleMode.Batches,
            StepsPrefix => ScheduleMode.Steps,
            RunsPrefix => ScheduleMode.Runs,
            _ => null,
        };
        if (mode is null)
        {
            problem = $"it must start with \"{BatchPrefix}\", \"{StepsPrefix}\" or \"{RunsPrefix}\"";
            return false;
        }

        int least = mode == ScheduleMode.Runs ? 0 : 1;

        var deviations = new List<ScheduleDeviation>();
        if (plus >= 0)
        {
            foreach (string part in body[(plus + 1)..].Split(','))
            {
                int colon = part.IndexOf(':');
                if (colon < 0
                    || !long.TryParse(part.AsSpan(0, colon).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long step)
                    || !int.TryParse(part.AsSpan(colon + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int index)
                    || index < least)
                {
                    problem = $"\"{part}\" is not step:index (such as 13:2, with an index of {least} or more)";
                    return false;
                }

                if (deviations.Count > 0 && deviations[^1].Step >= step)
                {
                    problem = $"the steps must increase, and step {step} follows step {deviations[^1].Step}";
                    return false;
                }

                deviations.Add(new ScheduleDeviation(step, index));
            }
        }

        schedule = new DirectedSchedule(mode.Value, deviations, seed);
        return true;
    }

    /// <summary>Parses a schedule's text, with an error that names where it came from and the form.</summary>
    /// <exception cref="TrioTestConfigurationException">The text is not a schedule.</exception>
    public static DirectedSchedule Parse(string? text, string source) => TryParse(text, out DirectedSchedule? schedule, out string? problem)
        ? schedule!
        : throw new TrioTestConfigurationException(
            $"{source} is \"{text}\", which is not a schedule: {problem}. Paste the value a TrioTest failure report prints after \"replay shrunk\", such as fifo+13:2,30:1@0x9E3779B97F4A7C15, or a seed such as 0x9E3779B97F4A7C15.");
}

/// <summary>How a <see cref="DirectedSchedule"/> departs from FIFO order.</summary>
internal enum ScheduleMode
{
    /// <summary>Batch by batch, as <see cref="RandomStrategy"/> runs: a deviation picks among the steps left in the batch.</summary>
    Batches,

    /// <summary>One step at a time from every ready step: a deviation picks one step.</summary>
    Steps,

    /// <summary>One step at a time, and the task a deviation picks runs while it has a ready step.</summary>
    Runs,
}
