namespace TrioTest.Testing;

/// <summary>
/// The TrioTest settings a test framework attribute sets (<c>[AsyncTest]</c>, an assembly's defaults);
/// <see langword="null"/> means "not set here", so the next level (assembly defaults, then TrioTest's) fills in.
/// Adapters keep one of these per attribute and call <see cref="TestSettings.Resolve"/>.
/// </summary>
public sealed class AttributeSettings
{
    /// <summary>Gets or sets the seed text: a seed such as <c>0x9E3779B97F4A7C15</c>, or a shrunk schedule such as <c>fifo+13:2@0x9E3779B97F4A7C15</c>.</summary>
    public string? Seed { get; set; }

    /// <summary>Gets or sets the number of schedules.</summary>
    public int? Iterations { get; set; }

    /// <summary>Gets or sets the strategy.</summary>
    public ExplorationStrategy? Strategy { get; set; }

    /// <summary>Gets or sets the PCT depth.</summary>
    public int? PctDepth { get; set; }

    /// <summary>Gets or sets the autojump threshold in milliseconds.</summary>
    public double? AutojumpThreshold { get; set; }

    /// <summary>Gets or sets the virtual-time limit in milliseconds.</summary>
    public double? VirtualTimeLimit { get; set; }

    /// <summary>Gets or sets the real-time watchdog in milliseconds.</summary>
    public int? Timeout { get; set; }

    /// <summary>Gets or sets how long one step may hold the loop, in milliseconds of real time; 0 for the default, -1 for no limit.</summary>
    public int? BlockedLoopTimeout { get; set; }

    /// <summary>Gets or sets how many steps a schedule may take; 0 for the default, -1 for no limit.</summary>
    public long? StepLimit { get; set; }

    /// <summary>Gets or sets how many of a schedule's most recent trace events are kept; 0 for the default.</summary>
    public int? TraceWindow { get; set; }

    /// <summary>Gets or sets strict escape handling.</summary>
    public bool? Strict { get; set; }

    /// <summary>Gets or sets whether a failing schedule is shrunk.</summary>
    public bool? Shrink { get; set; }

    /// <summary>Gets or sets whether failing seeds go to the regression file.</summary>
    public bool? RecordRegressions { get; set; }
}
