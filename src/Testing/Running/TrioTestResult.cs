namespace TrioTest.Testing;

/// <summary>
/// The outcome of <see cref="TrioTestRunner.Run(Func{TrioTestContext, Task}, TrioTestOptions?, CancellationToken)"/>: whether every
/// schedule passed and, for the failing one (or the last one run), its seed, trace, steps, time and failure.
/// </summary>
public sealed class TrioTestResult
{
    internal TrioTestResult(ScheduleOutcome outcome, int schedulesRun, int schedulesPlanned, ExplorationStrategy strategy, int pctDepth, string? report, IReadOnlyList<string> warnings)
    {
        Seed = outcome.Seed;
        SeedSource = outcome.Source;
        Schedule = outcome.Schedule;
        Failure = outcome.Failure;
        Trace = outcome.Trace;
        Steps = outcome.Steps;
        VirtualTime = outcome.VirtualTime;
        TaskCount = outcome.TaskCount;
        SchedulesRun = schedulesRun;
        SchedulesPlanned = schedulesPlanned;
        Strategy = strategy;
        PctDepth = pctDepth;
        Report = report;
        Warnings = warnings;
    }

    /// <summary>Gets a value indicating whether every schedule passed.</summary>
    public bool Passed => Failure is null;

    /// <summary>Gets the first failure, as the test threw it; <see langword="null"/> if every schedule passed.</summary>
    public Exception? Failure { get; }

    /// <summary>Gets the failure report (DESIGN section 10's shape, with the replay line); <see langword="null"/> if every schedule passed.</summary>
    public string? Report { get; }

    /// <summary>Gets the seed of the failing schedule, or of the last one run.</summary>
    public Seed Seed { get; }

    /// <summary>Gets where <see cref="Seed"/> came from.</summary>
    public SeedSource SeedSource { get; }

    /// <summary>Gets the number of the failing schedule (or the last one run), from 1.</summary>
    public int Schedule { get; }

    /// <summary>Gets how many schedules ran.</summary>
    public int SchedulesRun { get; }

    /// <summary>Gets how many schedules were planned (recorded regressions plus iterations): this shard's share of them when <see cref="Shard"/> is set.</summary>
    public int SchedulesPlanned { get; }

    /// <summary>Gets the strategy the schedules used.</summary>
    public ExplorationStrategy Strategy { get; }

    /// <summary>Gets the PCT depth, when <see cref="Strategy"/> is <see cref="ExplorationStrategy.Pct"/>.</summary>
    public int PctDepth { get; }

    /// <summary>Gets the trace of the failing schedule (or the last one run); empty when tracing is off.</summary>
    public CheckpointTrace Trace { get; }

    /// <summary>Gets the steps the failing (or last) schedule ran.</summary>
    public long Steps { get; }

    /// <summary>Gets the virtual time the failing (or last) schedule reached.</summary>
    public TimeSpan VirtualTime { get; }

    /// <summary>Gets how many tasks the failing (or last) schedule started, main included.</summary>
    public int TaskCount { get; }

    /// <summary>Gets the shard this run explored (from <see cref="TrioTestOptions.Shard"/> or <c>TRIOTEST_SHARD</c>); <see langword="null"/> when it explored everything.</summary>
    /// <remarks>A shard that owns none of a test's schedules passes with <see cref="SchedulesRun"/> 0.</remarks>
    public TestShard? Shard { get; init; }

    /// <summary>
    /// Gets how much of the schedule space the exploration saw: distinct traces, conflict orderings, and how many schedules
    /// in a row at the end added nothing (see <see cref="ExplorationCoverage"/>); not measured when traces were not recorded.
    /// </summary>
    public ExplorationCoverage Coverage { get; init; } = CoverageTracker.NotMeasured(0);

    /// <summary>
    /// Gets the failing schedule shrunk to as few deviations from FIFO order as still fail the same way, with the value
    /// that replays it; <see langword="null"/> when every schedule passed, shrinking is off (<see cref="TrioTestOptions.Shrink"/>),
    /// or there was nothing to shrink (FIFO order, a pasted schedule, a budget failure).
    /// </summary>
    public ShrunkSchedule? Shrunk { get; init; }

    /// <summary>
    /// Gets where a replayed seed stopped being the schedule recorded with it (the trace in <c>triotest-traces/</c> beside
    /// the regression file): the failing schedule's, or for a passing result the first replay that diverged;
    /// <see langword="null"/> when every replay with a recorded trace ran the same schedule, or none had one.
    /// </summary>
    public TraceDivergence? Divergence { get; init; }

    /// <summary>Gets problems the harness survived, such as a corrupt line in the regression file.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Throws a <see cref="TrioTestFailedException"/> carrying the report if a schedule failed.</summary>
    /// <exception cref="TrioTestFailedException">A schedule failed.</exception>
    public void ThrowIfFailed()
    {
        if (!Passed)
        {
            throw new TrioTestFailedException(this);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Passed
        ? SchedulesRun == 0 ? $"passed: no schedule of this test is in shard {Shard}" : $"passed: {SchedulesRun} schedule(s), last seed {Seed}"
        : $"failed: schedule {Schedule} of {SchedulesPlanned}, seed {Seed}: {Failure!.GetType().Name}";
}
