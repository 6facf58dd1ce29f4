using System.Globalization;
using System.Text;

namespace TrioTest.Testing;

/// <summary>
/// The TrioTest settings one test attribute sets, in the units attributes can hold (milliseconds as numbers, 0 for
/// "the default", -1 for "no limit"). Every framework's <c>[AsyncTest]</c> and the assembly's
/// <see cref="AsyncTestDefaultsAttribute"/> keep one; a property nobody set reads as TrioTest's default and is left to
/// the next level (the test's attribute, then the assembly's defaults, then <see cref="TrioTestOptions"/>).
/// </summary>
/// <remarks>
/// For adapter authors: <see cref="TestAdapterSupport.CreateOptions"/> turns these into a test's
/// <see cref="TrioTestOptions"/>, which hold the defaults and validate; a bad value becomes a
/// <see cref="TrioTestConfigurationException"/> whose message names the attribute, the value and what is allowed.
/// Frameworks that send test cases to another process carry <see cref="Serialize"/>'s text, which holds only the
/// values that were set.
/// </remarks>
public sealed class AsyncTestSettings
{
    /// <summary>TrioTest's defaults, which unset properties read as.</summary>
    private static readonly TrioTestOptions s_defaults = new();

    /// <summary>The values set, by <see cref="Key"/>; <see langword="null"/> where unset.</summary>
    private readonly object?[] _values = new object?[SettingRules.Count];

    /// <summary>Gets or sets the seed of the one schedule to run, as a failure report prints it (<c>0x9E3779B97F4A7C15</c>), or a shrunk schedule (<c>fifo+13:2@0x9E3779B97F4A7C15</c>); unset explores.</summary>
    public string? Seed
    {
        get => (string?)_values[(int)Key.Seed];
        set => _values[(int)Key.Seed] = value;
    }

    /// <summary>Gets or sets how many schedules to explore when no seed is given; 1 by default, at least 1.</summary>
    public int Iterations
    {
        get => (int?)_values[(int)Key.Iterations] ?? s_defaults.Iterations;
        set => _values[(int)Key.Iterations] = value;
    }

    /// <summary>Gets or sets how each schedule orders ready tasks; <see cref="ExplorationStrategy.Random"/> by default.</summary>
    public ExplorationStrategy Strategy
    {
        get => (ExplorationStrategy?)_values[(int)Key.Strategy] ?? s_defaults.Strategy;
        set => _values[(int)Key.Strategy] = value;
    }

    /// <summary>Gets or sets the bug depth <see cref="ExplorationStrategy.Pct"/> targets; 3 by default, at least 1.</summary>
    public int PctDepth
    {
        get => (int?)_values[(int)Key.PctDepth] ?? s_defaults.PctDepth;
        set => _values[(int)Key.PctDepth] = value;
    }

    /// <summary>Gets or sets the real idle time, in milliseconds, before virtual time jumps to the next deadline; 0 (at once) by default.</summary>
    public double AutojumpThreshold
    {
        get => (double?)_values[(int)Key.AutojumpThreshold] ?? s_defaults.AutojumpThreshold.TotalMilliseconds;
        set => _values[(int)Key.AutojumpThreshold] = value;
    }

    /// <summary>Gets or sets the virtual time, in milliseconds, after which a schedule fails (a timer that ticks forever); one day by default.</summary>
    public double VirtualTimeLimit
    {
        get => (double?)_values[(int)Key.VirtualTimeLimit] ?? s_defaults.VirtualTimeLimit.TotalMilliseconds;
        set => _values[(int)Key.VirtualTimeLimit] = value;
    }

    /// <summary>Gets or sets the real-time watchdog, in milliseconds, for the whole test (every schedule together); 0 means five minutes.</summary>
    public int Timeout
    {
        get => (int?)_values[(int)Key.Timeout] ?? 0;
        set => _values[(int)Key.Timeout] = value;
    }

    /// <summary>
    /// Gets or sets how long, in milliseconds of real time, one step may hold the loop (a <c>.Result</c>, a <c>.Wait()</c>,
    /// a spin with no checkpoint) before the test fails naming the task; 0 means one second, -1 no limit.
    /// </summary>
    public int BlockedLoopTimeout
    {
        get => (int?)_values[(int)Key.BlockedLoopTimeout] ?? 0;
        set => _values[(int)Key.BlockedLoopTimeout] = value;
    }

    /// <summary>
    /// Gets or sets how many steps one schedule may take before it fails with its seed and a report (a loop that
    /// checkpoints forever, a timer that ticks far below the virtual-time limit); 0 means ten million, -1 no limit.
    /// </summary>
    public long StepLimit
    {
        get => (long?)_values[(int)Key.StepLimit] ?? 0;
        set => _values[(int)Key.StepLimit] = value;
    }

    /// <summary>Gets or sets how many of a schedule's most recent trace events are kept (older ones are dropped, so memory stays bounded); 0 means 100,000.</summary>
    public int TraceWindow
    {
        get => (int?)_values[(int)Key.TraceWindow] ?? 0;
        set => _values[(int)Key.TraceWindow] = value;
    }

    /// <summary>Gets or sets a value indicating whether code that leaves the loop (a real timer, <c>Task.Run</c>, real I/O) fails the test with its cause and fix; <see langword="true"/> by default.</summary>
    public bool Strict
    {
        get => (bool?)_values[(int)Key.Strict] ?? s_defaults.Strict;
        set => _values[(int)Key.Strict] = value;
    }

    /// <summary>
    /// Gets or sets a value indicating whether a failing schedule is shrunk to its fewest deviations from FIFO order, shown
    /// in the report with the value that replays it; <see langword="true"/> by default. Only a failing test pays for it.
    /// </summary>
    public bool Shrink
    {
        get => (bool?)_values[(int)Key.Shrink] ?? s_defaults.Shrink;
        set => _values[(int)Key.Shrink] = value;
    }

    /// <summary>
    /// Gets or sets a value indicating whether failing seeds are recorded in <c>triotest-regressions.txt</c> beside the
    /// test assembly's project and replayed first on later runs; <see langword="true"/> by default.
    /// </summary>
    public bool RecordRegressions
    {
        get => (bool?)_values[(int)Key.RecordRegressions] ?? true;
        set => _values[(int)Key.RecordRegressions] = value;
    }

    /// <summary>Gets a value indicating whether no property was set.</summary>
    public bool IsEmpty => Array.TrueForAll(_values, static value => value is null);

    /// <summary>Reads settings that <see cref="Serialize"/> wrote.</summary>
    /// <param name="text">The text.</param>
    /// <returns>Settings with the same properties set to the same values.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> was not written by <see cref="Serialize"/>.</exception>
    public static AsyncTestSettings Deserialize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var settings = new AsyncTestSettings();
        foreach (string pair in text.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            SettingRules.Rule? rule = equals > 0 ? SettingRules.Find(pair[..equals]) : null;
            object? value = rule?.Read(Uri.UnescapeDataString(pair[(equals + 1)..]));
            settings._values[(int)(rule?.Key ?? throw new FormatException($"\"{pair}\" is not a TrioTest setting written by AsyncTestSettings.Serialize."))] =
                value ?? throw new FormatException($"\"{pair}\" is not a value of {rule.Key} written by AsyncTestSettings.Serialize.");
        }

        return settings;
    }

    /// <summary>Writes the properties that were set (and only those), for frameworks that send test cases to another process.</summary>
    /// <returns>Text that <see cref="Deserialize"/> reads back; empty when nothing was set.</returns>
    public string Serialize()
    {
        var text = new StringBuilder();
        foreach (SettingRules.Rule rule in SettingRules.All)
        {
            if (_values[(int)rule.Key] is { } value)
            {
                text.Append(text.Length == 0 ? "" : ";").Append(rule.Key).Append('=').Append(Uri.EscapeDataString(SettingRules.Write(value)));
            }
        }

        return text.ToString();
    }

    /// <summary>Gets these settings over <paramref name="defaults"/>: a property set here wins, an unset one takes the defaults' value if set there.</summary>
    /// <param name="defaults">The next level, such as the values set on the assembly's <see cref="AsyncTestDefaultsAttribute"/>; <see langword="null"/> for none.</param>
    /// <returns>New settings; neither input changes.</returns>
    public AsyncTestSettings Over(AsyncTestSettings? defaults)
    {
        var merged = new AsyncTestSettings();
        for (int i = 0; i < _values.Length; i++)
        {
            merged._values[i] = _values[i] ?? defaults?._values[i];
        }

        return merged;
    }

    /// <summary>Applies the properties that were set to <paramref name="options"/>, which validate them.</summary>
    /// <param name="options">The options.</param>
    /// <param name="attributeName">The attribute's name, for messages, such as <c>AsyncTest</c>.</param>
    /// <exception cref="TrioTestConfigurationException">A value is not allowed; the message names the attribute, the value and what is allowed.</exception>
    internal void ApplyTo(TrioTestOptions options, string attributeName)
    {
        foreach (SettingRules.Rule rule in SettingRules.All)
        {
            if (_values[(int)rule.Key] is { } value)
            {
                rule.Apply(options, value, attributeName);
            }
        }
    }

    /// <summary>The settings, as indexes of <see cref="_values"/> in the order they apply and serialize.</summary>
    internal enum Key
    {
        /// <summary><see cref="Seed"/>.</summary>
        Seed,

        /// <summary><see cref="Iterations"/>.</summary>
        Iterations,

        /// <summary><see cref="Strategy"/>.</summary>
        Strategy,

        /// <summary><see cref="PctDepth"/>.</summary>
        PctDepth,

        /// <summary><see cref="AutojumpThreshold"/>.</summary>
        AutojumpThreshold,

        /// <summary><see cref="VirtualTimeLimit"/>.</summary>
        VirtualTimeLimit,

        /// <summary><see cref="Timeout"/>.</summary>
        Timeout,

        /// <summary><see cref="BlockedLoopTimeout"/>.</summary>
        BlockedLoopTimeout,

        /// <summary><see cref="StepLimit"/>.</summary>
        StepLimit,

        /// <summary><see cref="TraceWindow"/>.</summary>
        TraceWindow,

        /// <summary><see cref="Strict"/>.</summary>
        Strict,

        /// <summary><see cref="Shrink"/>.</summary>
        Shrink,

        /// <summary><see cref="RecordRegressions"/>.</summary>
        RecordRegressions,
    }
}
