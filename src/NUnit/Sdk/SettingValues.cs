namespace TrioTest.NUnit.Sdk;

/// <summary>The TrioTest settings an attribute sets; <see langword="null"/> means "not set here", so assembly defaults and built-in defaults can fill in.</summary>
internal sealed class SettingValues
{
    /// <summary>Gets or sets the seed text.</summary>
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

    /// <summary>Gets or sets strict escape handling.</summary>
    public bool? Strict { get; set; }

    /// <summary>Gets or sets whether failing seeds go to the regression file.</summary>
    public bool? RecordRegressions { get; set; }
}
