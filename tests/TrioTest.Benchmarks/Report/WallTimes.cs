using System.Globalization;

namespace TrioTest.Benchmarks.Report;

/// <summary>
/// Whole-process wall times written by <c>whole-process.sh</c>: one line per run, <c>subject SECONDS</c> or
/// <c>baseline SECONDS</c>. The ratio is the subject's median over the baseline's.
/// </summary>
internal sealed record WallTimes(IReadOnlyList<double> Subject, IReadOnlyList<double> Baseline)
{
    /// <summary>Parses the lines of a wall-times file.</summary>
    /// <exception cref="FormatException">A line is neither <c>subject SECONDS</c> nor <c>baseline SECONDS</c>.</exception>
    public static WallTimes Parse(IEnumerable<string> lines)
    {
        var subject = new List<double>();
        var baseline = new List<double>();
        foreach (string line in lines.Select(l => l.Trim()).Where(l => l.Length != 0))
        {
            string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds))
            {
                throw new FormatException($"not 'subject|baseline SECONDS': {line}");
            }

            (parts[0] switch
            {
                "subject" => subject,
                "baseline" => baseline,
                _ => throw new FormatException($"not 'subject|baseline SECONDS': {line}"),
            }).Add(seconds);
        }

        return new WallTimes(subject, baseline);
    }

    /// <summary>Gets the median of <paramref name="values"/> (the mean of the middle two for an even count).</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        double[] sorted = [.. values.Order()];
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>Evaluates "the subject takes at most <paramref name="bound"/> times the baseline's wall time, by median".</summary>
    public GoalOutcome Evaluate(double bound)
    {
        if (Subject.Count == 0 || Baseline.Count == 0)
        {
            return GoalOutcome.NotMeasured("no wall times");
        }

        double ratio = Median(Subject) / Median(Baseline);
        string text = $"{Goal.Format(ratio)}x (median of {Subject.Count.ToString(CultureInfo.InvariantCulture)}: {Median(Subject).ToString("0.0", CultureInfo.InvariantCulture)} s vs {Median(Baseline).ToString("0.0", CultureInfo.InvariantCulture)} s)";
        return new GoalOutcome(ratio <= bound, text, Measured: true);
    }
}
