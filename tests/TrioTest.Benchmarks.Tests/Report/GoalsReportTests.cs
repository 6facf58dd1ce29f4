using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using TrioTest.Benchmarks.Report;

namespace TrioTest.Benchmarks.Tests.Report;

public class GoalsReportTests
{
    /// <summary>A minimal exported report: BenchmarkDotNet's field names, one case per (method, parameters, mean, standard error, bytes).</summary>
    private static string Json(params (string Method, string Parameters, double Mean, double StandardError, long Bytes)[] cases) =>
        Json(nameof(CheckpointBenchmarks), cases);

    /// <summary>A minimal exported report of the benchmark class <paramref name="type"/>.</summary>
    private static string Json(string type, params (string Method, string Parameters, double Mean, double StandardError, long Bytes)[] cases)
    {
        string benchmarks = string.Join(",", cases.Select(c => string.Create(CultureInfo.InvariantCulture,
            $$$"""{"Type":"{{{type}}}","Method":"{{{c.Method}}}","Parameters":"{{{c.Parameters}}}","Statistics":{"Mean":{{{c.Mean}}},"StandardError":{{{c.StandardError}}}},"Memory":{"BytesAllocatedPerOperation":{{{c.Bytes}}}}}""")));
        return $$"""{"Title":"t","HostEnvironmentInfo":{"ProcessorName":"cpu","PhysicalCoreCount":2},"Benchmarks":[{{benchmarks}}]}""";
    }

    private static Goal TraceGoal => Goals.All.Single(g => g.Subject == nameof(CheckpointBenchmarks.TrioTest_Checkpoint_TraceRecording));

    [Fact]
    public void Evaluate_RatioWithinBound_IsMet()
    {
        var results = new BenchmarkResults();
        results.Add(Json(("Floor_PostLoop_TaskYield", "Tasks=10", 100, 1, 0), ("TrioTest_Checkpoint_TraceRecording", "Tasks=10", 190, 1, 2)));

        GoalOutcome outcome = TraceGoal.Evaluate(results);

        Assert.True(outcome.Met, outcome.Result);
        Assert.StartsWith("1.90x", outcome.Result, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_RatioAboveBound_IsNotMet()
    {
        var results = new BenchmarkResults();
        results.Add(Json(("Floor_PostLoop_TaskYield", "Tasks=10", 100, 1, 0), ("TrioTest_Checkpoint_TraceRecording", "Tasks=10", 358, 1, 2)));

        GoalOutcome outcome = TraceGoal.Evaluate(results);

        Assert.False(outcome.Met);
        Assert.True(outcome.Measured);
        Assert.StartsWith("3.58x", outcome.Result, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_OtherParameters_IsNotMeasured()
    {
        var results = new BenchmarkResults();
        results.Add(Json(("Floor_PostLoop_TaskYield", "Tasks=1", 100, 1, 0), ("TrioTest_Checkpoint_TraceRecording", "Tasks=1", 150, 1, 2)));

        GoalOutcome outcome = TraceGoal.Evaluate(results);

        Assert.False(outcome.Met);
        Assert.False(outcome.Measured);
    }

    [Fact]
    public void Evaluate_Speedup_IsBaselineOverSubject()
    {
        var goal = new Goal("faster", "CheckpointBenchmarks", "Tasks=10", "A", "B", GoalKind.SpeedupAtLeast, 5, "why");
        var results = new BenchmarkResults();
        results.Add(Json(("A", "Tasks=10", 10, 0.01, 0), ("B", "Tasks=10", 60, 0.01, 0)));

        GoalOutcome outcome = goal.Evaluate(results);

        Assert.True(outcome.Met, outcome.Result);
        Assert.StartsWith("6.00x faster", outcome.Result, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_CoyoteGoal_IsCoyoteOverTrioTestWithTheRandomStrategy()
    {
        Goal goal = Goals.All.Single(g => g.Type == nameof(CoyoteBenchmarks));
        var results = new BenchmarkResults();
        results.Add(Json(nameof(CoyoteBenchmarks),
            (nameof(CoyoteBenchmarks.Coyote_Iterations), "Strategy=Random", 5_000_000_000, 1_000_000, 0),
            (nameof(CoyoteBenchmarks.TrioTest_HarnessSchedules), "Strategy=Random", 25_000_000, 10_000, 0),
            (nameof(CoyoteBenchmarks.Coyote_Iterations), "Strategy=Pct", 1_000_000_000, 1_000_000, 0),
            (nameof(CoyoteBenchmarks.TrioTest_HarnessSchedules), "Strategy=Pct", 25_000_000, 10_000, 0)));

        GoalOutcome outcome = goal.Evaluate(results);

        Assert.True(outcome.Met, outcome.Result);
        Assert.StartsWith("200x faster", outcome.Result, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_CoyoteRefusedToRun_IsNotMeasured()
    {
        Goal goal = Goals.All.Single(g => g.Type == nameof(CoyoteBenchmarks));
        var results = new BenchmarkResults();
        results.Add(Json(nameof(CoyoteBenchmarks), (nameof(CoyoteBenchmarks.TrioTest_HarnessSchedules), "Strategy=Random", 25_000_000, 10_000, 0)));

        GoalOutcome outcome = goal.Evaluate(results);

        Assert.False(outcome.Measured);
        Assert.Contains($"{nameof(CoyoteBenchmarks)}.{nameof(CoyoteBenchmarks.Coyote_Iterations)} did not run", outcome.Result, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_RatioErrorAboveMax_IsNotMet()
    {
        var goal = new Goal("precise", "CheckpointBenchmarks", string.Empty, "A", "B", GoalKind.TimeRatioAtMost, 1.2, "why") { MaxRatioError = 0.1 };
        var results = new BenchmarkResults();
        results.Add(Json(("A", string.Empty, 100, 10, 0), ("B", string.Empty, 100, 10, 0)));

        GoalOutcome outcome = goal.Evaluate(results);

        Assert.False(outcome.Met);
        Assert.Contains("error not below 0.10", outcome.Result, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_Allocation_ComparesBytes()
    {
        var goal = new Goal("bytes", "CheckpointBenchmarks", string.Empty, "A", string.Empty, GoalKind.AllocationAtMost, 664, "why");
        var results = new BenchmarkResults();
        results.Add(Json(("A", string.Empty, 100, 1, 700)));

        GoalOutcome outcome = goal.Evaluate(results);

        Assert.False(outcome.Met);
        Assert.Equal("700 B", outcome.Result);
    }

    [Fact]
    public void Write_MissedGoal_ShowsWhyAndCounts()
    {
        var results = new BenchmarkResults();
        results.Add(Json(("Floor_PostLoop_TaskYield", "Tasks=10", 100, 1, 0), ("TrioTest_Checkpoint_TraceRecording", "Tasks=10", 358, 1, 2)));
        var output = new StringWriter();

        (int met, int total) = GoalsReport.Write(output, results, wholeProcess: null);

        string page = output.ToString();
        Assert.Equal(0, met);
        Assert.Equal(Goals.All.Count + 1, total);
        Assert.Contains($"| {TraceGoal.Title} | 3.58x", page, StringComparison.Ordinal);
        Assert.Contains(TraceGoal.WhyNotMet, page, StringComparison.Ordinal);
        Assert.Contains($"0 of {total} goals met", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_AdapterOverhead_IsOneGoalPerFramework()
    {
        var output = new StringWriter();
        AdapterWallTimes adapters = AdapterWallTimes.Parse(["mstest subject 1.1", "mstest baseline 1", "tunit subject 2", "tunit baseline 1"]);

        (int met, int total) = GoalsReport.Write(output, new BenchmarkResults(), wholeProcess: null, adapters);

        string page = output.ToString();
        Assert.Equal(Goals.All.Count + 1 + 2, total);
        Assert.Equal(1, met);
        Assert.Contains("| mstest: TrioTest's attribute at most 1.2x", page, StringComparison.Ordinal);
        Assert.Contains("| tunit: TrioTest's attribute at most 1.2x", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Goals_NameMethodsThatExist()
    {
        Assembly benchmarks = typeof(CheckpointBenchmarks).Assembly;

        foreach (Goal goal in Goals.All)
        {
            Type type = benchmarks.GetTypes().Single(t => t.Name == goal.Type);
            foreach (string method in new[] { goal.Subject, goal.Baseline }.Where(m => m.Length != 0))
            {
                Assert.True(type.GetMethod(method)?.GetCustomAttribute<BenchmarkAttribute>() is not null, $"{goal.Type}.{method} is not a benchmark");
            }
        }
    }
}
