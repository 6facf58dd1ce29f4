namespace TrioTest.Benchmarks.Report;

/// <summary>
/// The goals of issue 19 and DESIGN.md section 12, each against its baseline in the same run. A goal's bound is part of
/// its definition; the page computes every result and met or not from the run's JSON, and shows <see cref="Goal.WhyNotMet"/>
/// (written from a profile, quoting no number) only when the run misses the goal.
/// </summary>
internal static class Goals
{
    /// <summary>The bound of the whole-process goal: <c>dotnet test</c> of 1,000 [AsyncTest]s against 1,000 [Fact]s.</summary>
    public const double WholeProcessBound = 1.2;

    /// <summary>Gets the goals measured by BenchmarkDotNet, in the page's order.</summary>
    public static IReadOnlyList<Goal> All { get; } =
    [
        new("Checkpoint with the trace recording, at most 2x the bare post loop (10 tasks)",
            nameof(CheckpointBenchmarks), "Tasks=10", nameof(CheckpointBenchmarks.TrioTest_Checkpoint_TraceRecording), nameof(CheckpointBenchmarks.Floor_PostLoop_TaskYield),
            GoalKind.TimeRatioAtMost, 2.0,
            WhyNotMet: "See the profile notes under the table."),
        new("Checkpoint with tracing off, at most 1.2x the bare post loop (10 tasks)",
            nameof(CheckpointBenchmarks), "Tasks=10", nameof(CheckpointBenchmarks.TrioTest_Checkpoint), nameof(CheckpointBenchmarks.Floor_PostLoop_TaskYield),
            GoalKind.TimeRatioAtMost, 1.2,
            WhyNotMet: "See the profile notes under the table."),
        new("Checkpoint at least 5x faster than Nito AsyncContext (10 tasks)",
            nameof(CheckpointBenchmarks), "Tasks=10", nameof(CheckpointBenchmarks.TrioTest_Checkpoint), nameof(CheckpointBenchmarks.NitoAsyncContext_TaskYield),
            GoalKind.SpeedupAtLeast, 5.0,
            WhyNotMet: "See the profile notes under the table."),
        new("Task spawn, run and exit at most 2x a plain async method awaited with WhenAll",
            nameof(TaskBenchmarks), string.Empty, nameof(TaskBenchmarks.TrioTest_NurseryChildren), nameof(TaskBenchmarks.Floor_AsyncMethods),
            GoalKind.TimeRatioAtMost, 2.0,
            WhyNotMet: "See the profile notes under the table."),
        new("Allocation per task halved: at most 664 B (half of 1,328 B when the issue was filed)",
            nameof(TaskBenchmarks), string.Empty, nameof(TaskBenchmarks.TrioTest_NurseryChildren), string.Empty,
            GoalKind.AllocationAtMost, 664,
            WhyNotMet: "See the profile notes under the table."),
        new("Timers at 10^4 sleeping tasks at least 100x ahead of FakeTimeProvider",
            nameof(TimerBenchmarks), "Timers=10000", nameof(TimerBenchmarks.TrioTest_Autojump), nameof(TimerBenchmarks.FakeTimeProvider_AdvanceToEachDeadline),
            GoalKind.SpeedupAtLeast, 100,
            WhyNotMet: "See the profile notes under the table."),
        new("Exploration harness at most 1.4x bare Trio.Run (trivial body, trace on)",
            nameof(ExplorationBenchmarks), "Body=trivial 2 tasks", nameof(ExplorationBenchmarks.HarnessSchedules), nameof(ExplorationBenchmarks.BareRuns),
            GoalKind.TimeRatioAtMost, 1.4,
            WhyNotMet: "See the profile notes under the table."),
        new("xunit [AsyncTest] at most 1.2x a plain async [Fact]",
            "AdapterBenchmarks", string.Empty, "XunitAsyncTest", "XunitFact",
            GoalKind.TimeRatioAtMost, 1.2,
            WhyNotMet: "See the profile notes under the table."),
        new("NUnit [AsyncTest] at most 1.2x a plain async [Test], ratio error below 0.1",
            "AdapterBenchmarks", string.Empty, "NUnitAsyncTest", "NUnitTest",
            GoalKind.TimeRatioAtMost, 1.2,
            WhyNotMet: "See the profile notes under the table.") { MaxRatioError = 0.1 },
    ];

    /// <summary>Goals this suite does not measure (yet): listed so the page never hides them.</summary>
    public static IReadOnlyList<(string Title, string Why)> Unmeasured { get; } =
    [
        ("Exploration at least 100x Coyote on the bounded-buffer body",
            "No Coyote benchmark in this suite yet: Coyote needs its binary rewriting of the test assembly, and the earlier comparison was measured by hand outside the suite."),
    ];
}
