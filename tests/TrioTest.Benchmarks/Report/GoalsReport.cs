namespace TrioTest.Benchmarks.Report;

/// <summary>
/// Writes the "Goals" table at the top of docs/benchmarks.md from one run's exported JSON (and the whole-process wall
/// times, when run.sh measured them): each goal's result and met or not are computed here, never typed by hand.
/// </summary>
internal static class GoalsReport
{
    /// <summary>Writes the goals section to <paramref name="output"/>.</summary>
    /// <returns>How many goals the run met, and how many there are.</returns>
    public static (int Met, int Total) Write(TextWriter output, BenchmarkResults results, WallTimes? wholeProcess, AdapterWallTimes? adapters = null)
    {
        output.WriteLine("## Goals (issue 19, DESIGN.md section 12) against this run");
        output.WriteLine();
        output.WriteLine("Generated from this run's BenchmarkDotNet JSON by `TrioTest.Benchmarks report`. A ratio's ± is twice its standard");
        output.WriteLine("error, from both means' standard errors. Where a goal is missed, the last column says why, from a profile.");
        output.WriteLine();
        output.WriteLine("| Goal | Result | Status | Why not met |");
        output.WriteLine("|---|---|---|---|");
        int met = 0;
        int total = 0;
        foreach (Goal goal in Goals.All)
        {
            GoalOutcome outcome = goal.Evaluate(results);
            met += outcome.Met ? 1 : 0;
            total++;
            Row(output, goal.Title, outcome, goal.WhyNotMet);
        }

        GoalOutcome whole = wholeProcess?.Evaluate(Goals.WholeProcessBound) ?? GoalOutcome.NotMeasured("whole-process.sh did not run");
        met += whole.Met ? 1 : 0;
        total++;
        Row(output, "`dotnet test` of 1,000 [AsyncTest]s at most 1.2x the same 1,000 as plain [Fact]s (wall time, median of 5)", whole, WholeProcessWhy);

        foreach ((string framework, WallTimes times) in adapters?.Frameworks ?? [])
        {
            GoalOutcome outcome = times.Evaluate(AdapterWallTimes.Bound);
            met += outcome.Met ? 1 : 0;
            total++;
            Row(output, $"{framework}: TrioTest's attribute at most 1.2x the framework's plain async test (the same 1,000 tests through its own runner, wall time, median of runs)", outcome, AdapterWhy);
        }

        output.WriteLine();
        output.WriteLine($"{met} of {total} goals met in this run.");
        return (met, total);
    }

    /// <summary>Why the whole-process goal can be missed, shown only when it is.</summary>
    internal const string AdapterWhy = "Not profiled: adapter-overhead.sh reports wall times only; profile the generated project's run (dotnet-trace) to see where the time goes.";

    internal const string WholeProcessWhy = "Not profiled: whole-process.sh reports wall times only; run it under `dotnet-counters monitor` to see where a slow run goes.";

    private static void Row(TextWriter output, string title, GoalOutcome outcome, string why)
    {
        string status = outcome.Met ? "met" : outcome.Measured ? "**not met**" : "**not measured**";
        output.WriteLine($"| {Cell(title)} | {Cell(outcome.Result)} | {status} | {(outcome.Met ? string.Empty : Cell(why))} |");
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
