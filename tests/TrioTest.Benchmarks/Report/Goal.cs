using System.Globalization;

namespace TrioTest.Benchmarks.Report;

/// <summary>How a goal reads its numbers and which way is better.</summary>
internal enum GoalKind
{
    /// <summary>The subject's mean time over the baseline's is at most the bound.</summary>
    TimeRatioAtMost,

    /// <summary>The baseline's mean time over the subject's (how many times faster the subject is) is at least the bound.</summary>
    SpeedupAtLeast,

    /// <summary>The subject's bytes allocated per operation are at most the bound.</summary>
    AllocationAtMost,
}

/// <summary>
/// One goal of the benchmark page: a subject case, the baseline it is measured against in the same run, the bound, and
/// (for a goal the run may miss) why it is missed, as a profile showed it. The page computes met or not from the run.
/// </summary>
/// <param name="Title">What the goal promises, as the page states it.</param>
/// <param name="Type">The benchmark class.</param>
/// <param name="Parameters">The case's parameters in BenchmarkDotNet's form (<c>Tasks=10</c>), or empty.</param>
/// <param name="Subject">The method measured.</param>
/// <param name="Baseline">The method it is compared with; ignored by <see cref="GoalKind.AllocationAtMost"/>.</param>
/// <param name="Kind">How the numbers are read.</param>
/// <param name="Bound">The bound the goal sets.</param>
/// <param name="WhyNotMet">Why the goal is missed, from a profile; shown only when the run misses it. Quotes no number: the run's own numbers are in the row.</param>
internal sealed record Goal(string Title, string Type, string Parameters, string Subject, string Baseline, GoalKind Kind, double Bound, string WhyNotMet)
{
    /// <summary>Gets the largest error of the ratio (twice its standard error) for which the goal counts as measured; infinite when any will do.</summary>
    public double MaxRatioError { get; init; } = double.PositiveInfinity;

    /// <summary>Evaluates the goal on <paramref name="results"/>.</summary>
    public GoalOutcome Evaluate(BenchmarkResults results)
    {
        BenchmarkCase? subject = results.Find(Type, Subject, Parameters);
        if (subject is not { } s)
        {
            return GoalOutcome.NotMeasured($"{Type}.{Subject} did not run");
        }

        if (Kind == GoalKind.AllocationAtMost)
        {
            return s.AllocatedBytes is { } bytes
                ? new GoalOutcome(bytes <= Bound, $"{bytes.ToString(CultureInfo.InvariantCulture)} B", Measured: true)
                : GoalOutcome.NotMeasured("no memory diagnoser");
        }

        if (results.Find(Type, Baseline, Parameters) is not { } b)
        {
            return GoalOutcome.NotMeasured($"{Type}.{Baseline} did not run");
        }

        double ratio = Kind == GoalKind.TimeRatioAtMost ? s.Mean / b.Mean : b.Mean / s.Mean;
        double error = 2 * ratio * Math.Sqrt(Square(s.StandardError / s.Mean) + Square(b.StandardError / b.Mean));
        bool withinBound = Kind == GoalKind.TimeRatioAtMost ? ratio <= Bound : ratio >= Bound;
        bool preciseEnough = error < MaxRatioError;
        string text = Kind == GoalKind.TimeRatioAtMost
            ? $"{Format(ratio)}x ± {Format(error)}"
            : $"{Format(ratio)}x faster ± {Format(error)}";
        if (!preciseEnough)
        {
            text += $" (error not below {Format(MaxRatioError)})";
        }

        return new GoalOutcome(withinBound && preciseEnough, text, Measured: true);
    }

    /// <summary>Gets a ratio with two decimals below 10 and none above, as the page prints it.</summary>
    public static string Format(double value) => value.ToString(value < 10 ? "0.00" : "0", CultureInfo.InvariantCulture);

    private static double Square(double x) => x * x;
}

/// <summary>A goal against one run: met or not, the number that decides it, and whether the run measured it at all.</summary>
internal readonly record struct GoalOutcome(bool Met, string Result, bool Measured)
{
    /// <summary>A goal whose cases are missing from the run: never met.</summary>
    public static GoalOutcome NotMeasured(string why) => new(false, $"not measured ({why})", Measured: false);
}
