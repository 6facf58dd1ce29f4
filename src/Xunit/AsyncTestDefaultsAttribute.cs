using TrioTest.Xunit.Sdk;

namespace TrioTest.Xunit;

/// <summary>
/// Sets defaults for every <see cref="AsyncTestAttribute"/> and <see cref="AsyncTheoryAttribute"/> in the assembly; a
/// test's own attribute wins. Environment variables still apply on top (<c>TRIOTEST_SEED</c>, <c>TRIOTEST_ITERATIONS</c>).
/// </summary>
/// <example>
/// <code>
/// [assembly: AsyncTestDefaults(Iterations = 50, Strategy = ExplorationStrategy.Pct)]
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class AsyncTestDefaultsAttribute : Attribute
{
    /// <summary>Gets the values set on this attribute, for the discoverer.</summary>
    internal AttributeSettings Values { get; } = new();

    /// <summary>Gets or sets the default number of schedules to explore; at least 1.</summary>
    public int Iterations
    {
        get => Values.Iterations ?? 1;
        set => Values.Iterations = value;
    }

    /// <summary>Gets or sets the default strategy.</summary>
    public ExplorationStrategy Strategy
    {
        get => Values.Strategy ?? ExplorationStrategy.Random;
        set => Values.Strategy = value;
    }

    /// <summary>Gets or sets the default PCT depth; at least 1.</summary>
    public int PctDepth
    {
        get => Values.PctDepth ?? 3;
        set => Values.PctDepth = value;
    }

    /// <summary>Gets or sets the default autojump threshold, in milliseconds of real time.</summary>
    public double AutojumpThreshold
    {
        get => Values.AutojumpThreshold ?? 0;
        set => Values.AutojumpThreshold = value;
    }

    /// <summary>Gets or sets the default virtual-time limit, in milliseconds.</summary>
    public double VirtualTimeLimit
    {
        get => Values.VirtualTimeLimit ?? TimeSpan.FromDays(1).TotalMilliseconds;
        set => Values.VirtualTimeLimit = value;
    }

    /// <summary>Gets or sets the default real-time watchdog, in milliseconds; 0 means five minutes.</summary>
    public int Timeout
    {
        get => Values.Timeout ?? 0;
        set => Values.Timeout = value;
    }

    /// <summary>Gets or sets a value indicating whether escapes from the loop fail tests by default.</summary>
    public bool Strict
    {
        get => Values.Strict ?? true;
        set => Values.Strict = value;
    }

    /// <summary>
    /// Gets or sets a value indicating whether failing seeds are recorded in <c>triotest-regressions.txt</c> beside the
    /// test project and replayed first on later runs; <see langword="true"/> by default.
    /// </summary>
    public bool RecordRegressions
    {
        get => Values.RecordRegressions ?? true;
        set => Values.RecordRegressions = value;
    }
}
