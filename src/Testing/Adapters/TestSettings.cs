using System.Globalization;

namespace TrioTest.Testing;

/// <summary>
/// The resolved settings of one test, for the framework adapters: the attribute's values over the assembly's defaults
/// over TrioTest's, validated so that an adapter can turn a bad value into a failing test with a message that says
/// what to change, never a vanished one.
/// </summary>
/// <param name="Seed">The seed of the one schedule to run, or <see langword="null"/> to explore.</param>
/// <param name="Iterations">How many schedules to explore.</param>
/// <param name="Strategy">How schedules order ready tasks.</param>
/// <param name="PctDepth">The bug depth PCT targets.</param>
/// <param name="AutojumpThreshold">The real idle time before an autojump, in milliseconds.</param>
/// <param name="VirtualTimeLimit">The virtual-time limit, in milliseconds.</param>
/// <param name="Timeout">The real-time watchdog in milliseconds; 0 for the harness's default.</param>
/// <param name="Strict">Whether escapes from the loop fail the test.</param>
/// <param name="RecordRegressions">Whether failing seeds go to the regression file.</param>
/// <param name="BlockedLoopTimeout">How long one step may hold the loop, in milliseconds of real time; 0 for the harness's default, -1 for no limit.</param>
/// <param name="StepLimit">How many steps one schedule may take; 0 for the harness's default, -1 for no limit.</param>
/// <param name="TraceWindow">How many of a schedule's most recent trace events are kept; 0 for the harness's default.</param>
/// <param name="Schedule">A pasted schedule to replay (a <c>Seed</c> that reads <c>fifo+…</c>), or <see langword="null"/>.</param>
/// <param name="Shrink">Whether a failing schedule is shrunk to its fewest deviations from FIFO order.</param>
public sealed record TestSettings(
    ulong? Seed, int Iterations, ExplorationStrategy Strategy, int PctDepth, double AutojumpThreshold, double VirtualTimeLimit, int Timeout, bool Strict, bool RecordRegressions,
    int BlockedLoopTimeout = 0, long StepLimit = 0, int TraceWindow = 0, string? Schedule = null, bool Shrink = true)
{
    /// <summary>TrioTest's own defaults.</summary>
    private static readonly TrioTestOptions s_defaults = new();

    /// <summary>The most milliseconds a time setting takes: a <see cref="TimeSpan"/> holds no more (a larger value overflowed before).</summary>
    private static readonly double s_maxMilliseconds = Math.Floor(TimeSpan.MaxValue.TotalMilliseconds) - 1;

    /// <summary>The fewest milliseconds a positive time setting takes: one tick; less would round to zero.</summary>
    private static readonly double s_clockResolutionMilliseconds = 1.0 / TimeSpan.TicksPerMillisecond;

    /// <summary>Resolves and validates the settings of a test method.</summary>
    /// <param name="attribute">The values set on the test's attribute.</param>
    /// <param name="defaults">The values set on the assembly's defaults attribute, if any.</param>
    /// <param name="attributeName">The attribute's name, for messages and the report's replay line, such as <c>AsyncTest</c>.</param>
    /// <param name="error">What is wrong and how to fix it, when the settings are invalid.</param>
    /// <returns>The settings, or <see langword="null"/> when invalid.</returns>
    public static TestSettings? Resolve(AttributeSettings attribute, AttributeSettings? defaults, string attributeName, out string? error)
    {
        error = null;
        string? seedText = attribute.Seed ?? defaults?.Seed;
        ulong? seed = null;
        string? schedule = null;
        if (DirectedSchedule.LooksLikeSchedule(seedText))
        {
            if (!DirectedSchedule.TryParse(seedText, out _, out string? problem))
            {
                error = $"[{attributeName}(Seed = \"{seedText}\")] is not a schedule: {problem}. Paste the value a TrioTest failure report prints after \"replay shrunk\", such as Seed = \"fifo+13:2,30:1@0x9E3779B97F4A7C15\", or a seed such as Seed = \"0x9E3779B97F4A7C15\".";
                return null;
            }

            schedule = seedText!.Trim();
        }
        else if (seedText is not null)
        {
            if (!TrioSeed.TryParse(seedText, out ulong parsed))
            {
                error = $"[{attributeName}(Seed = \"{seedText}\")] is not a seed. Paste the seed a TrioTest failure report prints, such as Seed = \"0x9E3779B97F4A7C15\" (0x and 1 to 16 hex digits, or a decimal number), or remove Seed to explore.";
                return null;
            }

            seed = parsed;
        }

        int iterations = attribute.Iterations ?? defaults?.Iterations ?? s_defaults.Iterations;
        int depth = attribute.PctDepth ?? defaults?.PctDepth ?? s_defaults.PctDepth;
        double threshold = attribute.AutojumpThreshold ?? defaults?.AutojumpThreshold ?? s_defaults.AutojumpThreshold.TotalMilliseconds;
        double limit = attribute.VirtualTimeLimit ?? defaults?.VirtualTimeLimit ?? s_defaults.VirtualTimeLimit.TotalMilliseconds;
        int timeout = attribute.Timeout ?? defaults?.Timeout ?? 0;
        int blocked = attribute.BlockedLoopTimeout ?? defaults?.BlockedLoopTimeout ?? 0;
        long steps = attribute.StepLimit ?? defaults?.StepLimit ?? 0;
        int window = attribute.TraceWindow ?? defaults?.TraceWindow ?? 0;
        ExplorationStrategy strategy = attribute.Strategy ?? defaults?.Strategy ?? s_defaults.Strategy;
        error =
            iterations < 1 ? $"[{attributeName}(Iterations = {iterations})] must be at least 1: it is the number of schedules to explore (1 runs the test once; try 100 to hunt a race)."
            : depth < 1 ? $"[{attributeName}(PctDepth = {depth})] must be at least 1: the number of ordering constraints a bug needs (2 or 3 finds most races)."
            : !Enum.IsDefined(strategy) ? $"[{attributeName}(Strategy = {(int)strategy})] is not a strategy: use ExplorationStrategy.Random, ExplorationStrategy.Pct or ExplorationStrategy.Fifo."
            : !(threshold >= 0) || threshold > s_maxMilliseconds ? $"[{attributeName}(AutojumpThreshold = {threshold.ToString(CultureInfo.InvariantCulture)})] must be zero or a positive number of milliseconds, at most {s_maxMilliseconds.ToString(CultureInfo.InvariantCulture)}: the real idle time before virtual time jumps (0 jumps at once)."
            : !(limit >= s_clockResolutionMilliseconds) || limit > s_maxMilliseconds ? $"[{attributeName}(VirtualTimeLimit = {limit.ToString(CultureInfo.InvariantCulture)})] must be a positive number of milliseconds from {s_clockResolutionMilliseconds.ToString(CultureInfo.InvariantCulture)} (the clock's resolution) to {s_maxMilliseconds.ToString(CultureInfo.InvariantCulture)}: the virtual time after which a schedule fails (86400000 is a day)."
            : timeout < 0 ? $"[{attributeName}(Timeout = {timeout})] must be zero (the default watchdog of five minutes) or a positive number of milliseconds of real time."
            : blocked < -1 ? $"[{attributeName}(BlockedLoopTimeout = {blocked})] must be zero (the default of one second), -1 (no limit) or a positive number of milliseconds of real time that one step may hold the loop."
            : steps < -1 ? $"[{attributeName}(StepLimit = {steps})] must be zero (the default of {TrioTestOptions.DefaultStepLimit}), -1 (no limit) or a positive number of steps one schedule may take."
            : window < 0 ? $"[{attributeName}(TraceWindow = {window})] must be zero (the default of {TraceRecorder.DefaultWindow}) or a positive number of trace events to keep."
            : null;
        return error is null
            ? new TestSettings(seed, iterations, strategy, depth, threshold, limit, timeout, attribute.Strict ?? defaults?.Strict ?? s_defaults.Strict, attribute.RecordRegressions ?? defaults?.RecordRegressions ?? true, blocked, steps, window, schedule, attribute.Shrink ?? defaults?.Shrink ?? s_defaults.Shrink)
            : null;
    }

    /// <summary>Builds the harness options of one test.</summary>
    /// <param name="testName">The test's full name, arguments included, for the report and the regression file.</param>
    /// <param name="regressionFile">The regression file, or <see langword="null"/>.</param>
    /// <param name="replayAttribute">How the report's replay line names the attribute, such as <c>AsyncTheory</c>.</param>
    /// <returns>The options.</returns>
    public TrioTestOptions ToOptions(string testName, string? regressionFile, string replayAttribute = "AsyncTest") => new()
    {
        Seed = Seed,
        Schedule = Schedule,
        Shrink = Shrink,
        Iterations = Iterations,
        Strategy = Strategy,
        PctDepth = PctDepth,
        AutojumpThreshold = TimeSpan.FromMilliseconds(AutojumpThreshold),
        VirtualTimeLimit = TimeSpan.FromMilliseconds(VirtualTimeLimit),
        Timeout = Timeout > 0 ? TimeSpan.FromMilliseconds(Timeout) : s_defaults.Timeout,
        BlockedLoopTimeout = BlockedLoopTimeout switch
        {
            > 0 => TimeSpan.FromMilliseconds(BlockedLoopTimeout),
            -1 => System.Threading.Timeout.InfiniteTimeSpan,
            _ => s_defaults.BlockedLoopTimeout,
        },
        StepLimit = StepLimit != 0 ? StepLimit : s_defaults.StepLimit,
        TraceWindow = TraceWindow > 0 ? TraceWindow : s_defaults.TraceWindow,
        Strict = Strict,
        TestName = testName,
        RegressionFilePath = RecordRegressions ? regressionFile : null,
        ReplayAttribute = replayAttribute,
        TimelineDirectory = Environment.GetEnvironmentVariable("TRIOTEST_TIMELINES") is { Length: > 0 } timelines
            ? timelines
            : Path.Combine(AppContext.BaseDirectory, "triotest-timelines"),
    };
}
