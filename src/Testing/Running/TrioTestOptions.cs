namespace TrioTest.Testing;

/// <summary>
/// How <see cref="TrioTestRunner"/> runs a test: which schedules it explores, the limits that turn a hang into a
/// failure, and where it records failing seeds. The adapters' <c>[AsyncTest]</c> attributes map onto these.
/// </summary>
/// <remarks>
/// Environment variables, read when the test runs: <c>TRIOTEST_SEED</c> replays one schedule (it loses only to
/// <see cref="Seed"/>); <c>TRIOTEST_ITERATIONS</c> raises <see cref="Iterations"/> to at least its value, to deepen
/// exploration in a nightly run; <c>TRIOTEST_SHARD=i/n</c> runs shard i of n (see <see cref="Shard"/>);
/// <c>TRIOTEST_BASE_SEED</c> fixes the base seed of every test that sets no <see cref="BaseSeed"/> (mixed with the
/// test's name, so tests explore different schedules).
/// </remarks>
public sealed class TrioTestOptions
{
    /// <summary>The number of schedules to explore.</summary>
    private int _iterations = 1;

    /// <summary>How many schedules in a row may add no coverage before the exploration stops; null runs them all.</summary>
    private int? _stopAfterSchedulesWithoutNewCoverage;

    /// <summary>The pasted schedule to replay, validated when set.</summary>
    private string? _schedule;

    /// <summary>The most schedules shrinking may run.</summary>
    private int _shrinkMaxSchedules = 500;

    /// <summary>The most real time shrinking may take.</summary>
    private TimeSpan _shrinkTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How schedules order ready tasks.</summary>
    private ExplorationStrategy _strategy = ExplorationStrategy.Random;

    /// <summary>The PCT depth.</summary>
    private int _pctDepth = 3;

    /// <summary>The step count Pct spreads its change points over, when given; otherwise measured by a FIFO run.</summary>
    private long? _pctStepEstimate;

    /// <summary>The real idle time before an autojump.</summary>
    private TimeSpan _autojumpThreshold = TimeSpan.Zero;

    /// <summary>The virtual-time limit.</summary>
    private TimeSpan _virtualTimeLimit = TimeSpan.FromDays(1);

    /// <summary>The real-time watchdog.</summary>
    private TimeSpan _timeout = TimeSpan.FromMinutes(5);

    /// <summary>How long one step may hold the loop in real time.</summary>
    private TimeSpan _blockedLoopTimeout = TimeSpan.FromSeconds(1);

    /// <summary>How many steps one schedule may take; -1 for no limit.</summary>
    private long _stepLimit = DefaultStepLimit;

    /// <summary>How many of a schedule's most recent trace events are kept.</summary>
    private int _traceWindow = TraceRecorder.DefaultWindow;

    /// <summary>The extra instruments.</summary>
    private List<Instrument> _instruments = [];

    /// <summary>How many trace events a failure report shows.</summary>
    private int _reportTraceEvents = 12;

    /// <summary>Gets or sets the seed of the one schedule to run, to replay a failure; <see langword="null"/> (the default) explores.</summary>
    /// <remarks>A seed runs exactly that schedule: <see cref="Iterations"/> is ignored, so pasting a report's seed next to <c>Iterations</c> replays it.</remarks>
    public Seed? Seed { get; set; }

    /// <summary>
    /// Gets or sets a schedule to replay, as a failure report's <c>replay shrunk</c> line prints it (such as
    /// <c>fifo+13:1,30:1@0x9E3779B97F4A7C15</c>: FIFO order, except before steps 13 and 30); <see langword="null"/> (the
    /// default) runs <see cref="Seed"/> or explores. It wins over <see cref="Seed"/>, and <see cref="Iterations"/> is ignored.
    /// An attribute's <c>Seed</c> and <c>TRIOTEST_SEED</c> accept the same text.
    /// </summary>
    /// <exception cref="ArgumentException">The value is not a schedule.</exception>
    public string? Schedule
    {
        get => _schedule;
        set => _schedule = value is null || DirectedSchedule.TryParse(value, out _, out string? problem) ? value : throw new ArgumentException(
            $"Schedule is \"{value}\", which is not a schedule: {problem}. Paste the value a TrioTest failure report prints after \"replay shrunk\", such as fifo+13:2,30:1@0x9E3779B97F4A7C15.", nameof(value));
    }

    /// <summary>
    /// Gets or sets a value indicating whether a failing schedule is shrunk: replayed with fewer and fewer deviations from
    /// FIFO order until none can be dropped, so the report shows the few orderings that matter and the value that replays
    /// them (see <see cref="ShrunkSchedule"/>); <see langword="true"/> by default. Only a failing test pays for it, bounded
    /// by <see cref="ShrinkMaxSchedules"/> and <see cref="ShrinkTimeout"/>.
    /// </summary>
    public bool Shrink { get; set; } = true;

    /// <summary>Gets or sets the most schedules shrinking one failure may run; 500 by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int ShrinkMaxSchedules
    {
        get => _shrinkMaxSchedules;
        set => _shrinkMaxSchedules = value >= 1 ? value : throw new ArgumentOutOfRangeException(
            nameof(value), value, $"ShrinkMaxSchedules is {value}, but it must be at least 1: the most schedules shrinking a failure may run (set Shrink = false to turn shrinking off).");
    }

    /// <summary>
    /// Gets or sets the most real time shrinking one failure may take; 30 seconds by default. Shrinking that runs out of time
    /// reports the smallest failing schedule found so far, and says which budget stopped it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public TimeSpan ShrinkTimeout
    {
        get => _shrinkTimeout;
        set => _shrinkTimeout = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(
            nameof(value), value, $"ShrinkTimeout is {value}, but it must be positive: the real time shrinking a failure may take (set Shrink = false to turn shrinking off).");
    }

    /// <summary>
    /// Gets or sets the base seed an exploration derives its schedules' seeds from; <see langword="null"/> (the default)
    /// draws a fresh one each run. Fix it to make an exploration itself repeatable, as CI gates and benchmarks do.
    /// </summary>
    public Seed? BaseSeed { get; set; }

    /// <summary>
    /// Gets or sets the share of the exploration this run explores, to spread one exploration over a CI job matrix;
    /// <see langword="null"/> (the default) reads <c>TRIOTEST_SHARD</c> (such as <c>3/8</c>), and runs everything when it is unset.
    /// </summary>
    /// <remarks>
    /// Shard i of n runs the explored schedules whose number from 0 leaves remainder i when divided by n, and the same share
    /// of the regression file's seeds; a replay (<see cref="Seed"/>, <c>TRIOTEST_SEED</c>) runs in every shard. The shards
    /// of one base seed are disjoint and together run exactly the unsharded run's schedules, so they need a fixed base seed:
    /// <see cref="BaseSeed"/> or <c>TRIOTEST_BASE_SEED</c>; without one a sharded run fails with a message that says so.
    /// </remarks>
    public TestShard? Shard { get; set; }

    /// <summary>
    /// Gets or sets how many schedules in a row may add no new coverage (no new trace, no new conflict ordering; see
    /// <see cref="ExplorationCoverage"/>) before the exploration stops early and passes; <see langword="null"/> (the
    /// default) explores every planned schedule. Needs <see cref="RecordTrace"/>.
    /// </summary>
    /// <remarks>Each shard stops on its own, so sharded runs with it set no longer add up to the unsharded run.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int? StopAfterSchedulesWithoutNewCoverage
    {
        get => _stopAfterSchedulesWithoutNewCoverage;
        set => _stopAfterSchedulesWithoutNewCoverage = value is not { } count || count >= 1 ? value : throw new ArgumentOutOfRangeException(
            nameof(value), value, $"StopAfterSchedulesWithoutNewCoverage is {value}, but it must be at least 1 (or null to run every planned schedule): the number of schedules in a row that add nothing new before the exploration stops.");
    }

    /// <summary>Gets or sets how many schedules to explore when no seed is given; 1 by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int Iterations
    {
        get => _iterations;
        set => _iterations = value >= 1 ? value : throw new ArgumentOutOfRangeException(
            nameof(value), value, $"Iterations is {value}, but it must be at least 1: it is the number of schedules to explore (1 runs the test once).");
    }

    /// <summary>Gets or sets how each schedule orders ready tasks; <see cref="ExplorationStrategy.Random"/> by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not one of <see cref="ExplorationStrategy"/>'s.</exception>
    public ExplorationStrategy Strategy
    {
        get => _strategy;
        set => _strategy = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(
            nameof(value), value, $"Strategy is {(int)value}, which is not a strategy: use ExplorationStrategy.Random, ExplorationStrategy.Pct or ExplorationStrategy.Fifo.");
    }

    /// <summary>Gets or sets the bug depth <see cref="ExplorationStrategy.Pct"/> targets: how many ordering constraints a bug may need; 3 by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int PctDepth
    {
        get => _pctDepth;
        set => _pctDepth = value >= 1 ? value : throw new ArgumentOutOfRangeException(
            nameof(value), value, $"PctDepth is {value}, but it must be at least 1: the number of ordering constraints a bug needs (2 or 3 finds most races).");
    }

    /// <summary>
    /// Gets or sets how many steps <see cref="ExplorationStrategy.Pct"/> spreads its change points over; <see langword="null"/>
    /// (the default) measures it with one FIFO run of the body before the first Pct schedule. That run is no Pct schedule:
    /// a failure it finds is reported as <see cref="ExplorationStrategy.Fifo"/>'s. Set it to explore with Pct alone.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public long? PctStepEstimate
    {
        get => _pctStepEstimate;
        set => _pctStepEstimate = value is not { } steps || steps >= 1 ? value : throw new ArgumentOutOfRangeException(
            nameof(value), value, $"PctStepEstimate is {value}, but it must be at least 1 (or null to measure it with a FIFO run): the number of steps a schedule of the body takes.");
    }

    /// <summary>Gets or sets how long the loop stays idle in real time before the virtual clock jumps to the next deadline; zero (jump at once) by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan AutojumpThreshold
    {
        get => _autojumpThreshold;
        set => _autojumpThreshold = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(
            nameof(value), value, $"AutojumpThreshold is {value}, but it must be zero or positive: the real idle time before virtual time jumps (0 jumps at once).");
    }

    /// <summary>
    /// Gets or sets the latest virtual time a schedule may reach (a live periodic timer would otherwise jump forever);
    /// one day by default, <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for no limit (the real-time
    /// <see cref="Timeout"/> still bounds the test).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative, and not <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>.</exception>
    public TimeSpan VirtualTimeLimit
    {
        get => _virtualTimeLimit;
        set => _virtualTimeLimit = value > TimeSpan.Zero || value == System.Threading.Timeout.InfiniteTimeSpan ? value : throw new ArgumentOutOfRangeException(
            nameof(value), value, $"VirtualTimeLimit is {value}, but it must be positive (or Timeout.InfiniteTimeSpan for no limit): the virtual time after which a schedule fails.");
    }

    /// <summary>Gets or sets the real-time watchdog for the whole test, every schedule together; five minutes by default, <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative, and not <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>.</exception>
    public TimeSpan Timeout
    {
        get => _timeout;
        set => _timeout = value > TimeSpan.Zero || value == System.Threading.Timeout.InfiniteTimeSpan ? value : throw new ArgumentOutOfRangeException(
            nameof(value), value, $"Timeout is {value}, but it must be positive (or Timeout.InfiniteTimeSpan for no watchdog): the real time the whole test may take.");
    }

    /// <summary>
    /// Gets or sets how long one step may hold the loop in real time before the test fails with
    /// <see cref="LoopBlockedException"/> (a <c>.Result</c>, <c>.Wait()</c>, <c>Thread.Sleep</c> or a loop with no
    /// checkpoint on the loop); one second by default, <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for no limit.
    /// Checked by <see cref="TrioTestRunner.RunAsync(Func{TrioTestContext, Task}, TrioTestOptions?, CancellationToken)"/>,
    /// which the adapters use: it can fail the test while the loop thread stays blocked.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative, and not <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>.</exception>
    public TimeSpan BlockedLoopTimeout
    {
        get => _blockedLoopTimeout;
        set => _blockedLoopTimeout = value > TimeSpan.Zero || value == System.Threading.Timeout.InfiniteTimeSpan ? value : throw new ArgumentOutOfRangeException(
            nameof(value), value, $"BlockedLoopTimeout is {value}, but it must be positive (or Timeout.InfiniteTimeSpan for no limit): the real time one step may hold the loop.");
    }

    /// <summary>The default <see cref="StepLimit"/>: ten million steps, about ten seconds of a busy loop here, far past what a test that ends needs.</summary>
    public const long DefaultStepLimit = 10_000_000;

    /// <summary>
    /// Gets or sets how many steps one schedule may take before it fails with <see cref="StepLimitExceededException"/>
    /// (a loop that reaches a checkpoint on every pass but never ends, or a timer that ticks far below the virtual-time
    /// limit); <see cref="DefaultStepLimit"/> by default, -1 for no limit. The failure comes at the same step on every
    /// run of a seed, with the report and the seed, and memory stays bounded meanwhile (see <see cref="TraceWindow"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero, or negative and not -1.</exception>
    public long StepLimit
    {
        get => _stepLimit;
        set => _stepLimit = value >= 1 || value == -1 ? value : throw new ArgumentOutOfRangeException(
            nameof(value), value, $"StepLimit is {value}, but it must be positive (or -1 for no limit): the number of steps after which a schedule fails.");
    }

    /// <summary>
    /// Gets or sets how many of a schedule's most recent events its <see cref="CheckpointTrace"/> keeps;
    /// <see cref="TraceRecorder.DefaultWindow"/> by default. Older events are dropped as new ones arrive, so a run's memory
    /// stays bounded however long it runs; the trace's hash still covers every event (see <see cref="CheckpointTrace.DroppedCount"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int TraceWindow
    {
        get => _traceWindow;
        set => _traceWindow = value >= 1 ? value : throw new ArgumentOutOfRangeException(
            nameof(value), value, $"TraceWindow is {value}, but it must be at least 1: the number of a schedule's most recent trace events to keep.");
    }

    /// <summary>Gets or sets a value indicating whether code that leaves the loop (a real timer, <c>Task.Run</c>, I/O) fails the test with its cause and fix; <see langword="true"/> by default.</summary>
    public bool Strict { get; set; } = true;

    /// <summary>Gets or sets the test's name, used in reports and as its key in the regression file; <see langword="null"/> if unnamed.</summary>
    public string? TestName { get; set; }

    /// <summary>Gets or sets the regression file: failing seeds are recorded there and replayed first on later runs. <see langword="null"/> (the default) records nothing.</summary>
    public string? RegressionFilePath { get; set; }

    /// <summary>
    /// Gets or sets the assembly that holds the test, so the regression file's entries for tests it no longer has (renamed
    /// or deleted) are reported once per process; <see langword="null"/> (the default) skips that check. The adapters set it.
    /// </summary>
    public System.Reflection.Assembly? TestAssembly { get; set; }

    /// <summary>Gets or sets a value indicating whether schedules record their <see cref="CheckpointTrace"/>; <see langword="true"/> by default.</summary>
    public bool RecordTrace { get; set; } = true;

    /// <summary>
    /// Gets or sets the folder where a failing test's timeline is written: a self-contained HTML page of its schedule (the
    /// shrunk one, deviations highlighted), named in the report (see <see cref="TraceTimeline"/>); <see langword="null"/>
    /// (the default) writes none. The adapters set it to <c>TRIOTEST_TIMELINES</c>, or else the <c>triotest-timelines</c>
    /// folder beside the test assembly.
    /// </summary>
    public string? TimelineDirectory { get; set; }

    /// <summary>Gets or sets how many of the last trace events a failure report shows; 12 by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int ReportTraceEvents
    {
        get => _reportTraceEvents;
        set => _reportTraceEvents = value >= 0 ? value : throw new ArgumentOutOfRangeException(
            nameof(value), value, "ReportTraceEvents must be zero or more.");
    }

    /// <summary>Gets or sets how the report's replay line names the attribute, such as <c>AsyncTest</c>; <c>AsyncTest</c> by default.</summary>
    public string ReplayAttribute { get; set; } = "AsyncTest";

    /// <summary>Gets or sets where the harness writes warnings (a corrupt regression line); <see langword="null"/> for <see cref="Console.Error"/>.</summary>
    public TextWriter? Log { get; set; }

    /// <summary>Gets extra instruments installed in every schedule, after the harness's own.</summary>
    public IList<Instrument> Instruments => _instruments;

    /// <summary>Gets or sets how the harness reads environment variables; <see cref="Environment.GetEnvironmentVariable(string)"/> by default. Tests of harness wiring replace it.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; set; } = Environment.GetEnvironmentVariable;

    /// <summary>Gets a copy of these options.</summary>
    /// <returns>The copy; its <see cref="Instruments"/> list is new and holds the same instruments.</returns>
    public TrioTestOptions Clone()
    {
        var clone = (TrioTestOptions)MemberwiseClone();
        clone._instruments = [.. _instruments];
        return clone;
    }
}
