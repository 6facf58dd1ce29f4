namespace TrioTest.Testing;

/// <summary>
/// Sets defaults for every TrioTest test in the assembly, whichever framework runs it (xunit's <c>[AsyncTest]</c> and
/// <c>[AsyncTheory]</c>, NUnit's <c>[AsyncTest]</c>); a test's own attribute wins. Environment variables still apply on
/// top (<c>TRIOTEST_SEED</c>, <c>TRIOTEST_ITERATIONS</c>).
/// </summary>
/// <example>
/// <code>
/// [assembly: AsyncTestDefaults(Iterations = 50, Strategy = ExplorationStrategy.Pct)]
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class AsyncTestDefaultsAttribute : Attribute
{
    /// <summary>Gets the values set on this attribute (unset ones are <see langword="null"/>), for the adapters to resolve with <see cref="TestSettings.Resolve"/>.</summary>
    public AttributeSettings Settings { get; } = new();

    /// <summary>Gets or sets the default number of schedules to explore; at least 1.</summary>
    public int Iterations
    {
        get => Settings.Iterations ?? 1;
        set => Settings.Iterations = value;
    }

    /// <summary>Gets or sets the default strategy.</summary>
    public ExplorationStrategy Strategy
    {
        get => Settings.Strategy ?? ExplorationStrategy.Random;
        set => Settings.Strategy = value;
    }

    /// <summary>Gets or sets the default PCT depth; at least 1.</summary>
    public int PctDepth
    {
        get => Settings.PctDepth ?? 3;
        set => Settings.PctDepth = value;
    }

    /// <summary>Gets or sets the default autojump threshold, in milliseconds of real time.</summary>
    public double AutojumpThreshold
    {
        get => Settings.AutojumpThreshold ?? 0;
        set => Settings.AutojumpThreshold = value;
    }

    /// <summary>Gets or sets the default virtual-time limit, in milliseconds.</summary>
    public double VirtualTimeLimit
    {
        get => Settings.VirtualTimeLimit ?? TimeSpan.FromDays(1).TotalMilliseconds;
        set => Settings.VirtualTimeLimit = value;
    }

    /// <summary>Gets or sets the default real-time watchdog, in milliseconds; 0 means five minutes.</summary>
    public int Timeout
    {
        get => Settings.Timeout ?? 0;
        set => Settings.Timeout = value;
    }

    /// <summary>
    /// Gets or sets the default of how long, in milliseconds of real time, one step may hold the loop (a <c>.Result</c>, a <c>.Wait()</c>,
    /// a spin with no checkpoint) before the test fails naming the task; 0 means one second, -1 no limit.
    /// </summary>
    public int BlockedLoopTimeout
    {
        get => Settings.BlockedLoopTimeout ?? 0;
        set => Settings.BlockedLoopTimeout = value;
    }

    /// <summary>
    /// Gets or sets how many steps one schedule may take before it fails with its seed and a report (a loop that
    /// checkpoints forever, a timer that ticks far below the virtual-time limit); 0 means ten million, -1 no limit.
    /// </summary>
    public long StepLimit
    {
        get => Settings.StepLimit ?? 0;
        set => Settings.StepLimit = value;
    }

    /// <summary>Gets or sets how many of a schedule's most recent trace events are kept (older ones are dropped, so memory stays bounded); 0 means 100,000.</summary>
    public int TraceWindow
    {
        get => Settings.TraceWindow ?? 0;
        set => Settings.TraceWindow = value;
    }

    /// <summary>Gets or sets a value indicating whether escapes from the loop fail tests by default.</summary>
    public bool Strict
    {
        get => Settings.Strict ?? true;
        set => Settings.Strict = value;
    }

    /// <summary>
    /// Gets or sets a value indicating whether failing seeds are recorded in <c>triotest-regressions.txt</c> beside the
    /// test project and replayed first on later runs; <see langword="true"/> by default.
    /// </summary>
    public bool RecordRegressions
    {
        get => Settings.RecordRegressions ?? true;
        set => Settings.RecordRegressions = value;
    }

    /// <summary>
    /// Gets or sets a value indicating whether a failing schedule is shrunk to its fewest deviations from FIFO order, shown in
    /// the report with the value that replays it; <see langword="true"/> by default (see <see cref="TrioTestOptions.Shrink"/>).
    /// </summary>
    public bool Shrink
    {
        get => Settings.Shrink ?? true;
        set => Settings.Shrink = value;
    }
}
