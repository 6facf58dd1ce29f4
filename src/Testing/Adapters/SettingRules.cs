using System.Globalization;
using Key = TrioTest.Testing.AsyncTestSettings.Key;

namespace TrioTest.Testing;

/// <summary>
/// How each attribute setting reaches <see cref="TrioTestOptions"/>: the conversion from attribute units (milliseconds,
/// 0 for the default, -1 for no limit) and, when the options refuse a value, the sentence that says what the attribute allows.
/// </summary>
internal static class SettingRules
{
    /// <summary>The most milliseconds a time setting takes: a <see cref="TimeSpan"/> holds no more.</summary>
    private static readonly double s_maxMilliseconds = Math.Floor(TimeSpan.MaxValue.TotalMilliseconds) - 1;

    /// <summary>The fewest milliseconds a positive time setting takes: one tick; less would round to zero.</summary>
    private static readonly double s_tickMilliseconds = 1.0 / TimeSpan.TicksPerMillisecond;

    /// <summary>Gets every rule, in <see cref="Key"/> order.</summary>
    public static IReadOnlyList<Rule> All { get; } =
    [
        new(Key.Seed, typeof(string), ApplySeed, SeedRequirement),
        new(Key.Iterations, typeof(int), static (o, v) => o.Iterations = (int)v, static _ =>
            "must be at least 1: it is the number of schedules to explore (1 runs the test once; try 100 to hunt a race)."),
        new(Key.Strategy, typeof(ExplorationStrategy), static (o, v) => o.Strategy = (ExplorationStrategy)v, static _ =>
            "is not a strategy: use ExplorationStrategy.Random, ExplorationStrategy.Pct or ExplorationStrategy.Fifo."),
        new(Key.PctDepth, typeof(int), static (o, v) => o.PctDepth = (int)v, static _ =>
            "must be at least 1: the number of ordering constraints a bug needs (2 or 3 finds most races)."),
        new(Key.AutojumpThreshold, typeof(double), static (o, v) => o.AutojumpThreshold = Milliseconds((double)v), static _ =>
            $"must be zero or a positive number of milliseconds, at most {Show(s_maxMilliseconds)}: the real idle time before virtual time jumps (0 jumps at once)."),
        new(Key.VirtualTimeLimit, typeof(double), static (o, v) => o.VirtualTimeLimit = (double)v > 0 ? Milliseconds((double)v) : throw Refused(), static _ =>
            $"must be a positive number of milliseconds from {Show(s_tickMilliseconds)} (the clock's resolution) to {Show(s_maxMilliseconds)}: the virtual time after which a schedule fails (86400000 is a day)."),
        new(Key.Timeout, typeof(int), static (o, v) => o.Timeout = (int)v switch { 0 => o.Timeout, > 0 and int ms => TimeSpan.FromMilliseconds(ms), _ => throw Refused() }, static _ =>
            "must be zero (the default watchdog of five minutes) or a positive number of milliseconds of real time."),
        new(Key.BlockedLoopTimeout, typeof(int), static (o, v) => o.BlockedLoopTimeout = (int)v switch
        {
            0 => o.BlockedLoopTimeout,
            -1 => System.Threading.Timeout.InfiniteTimeSpan,
            > 0 and int ms => TimeSpan.FromMilliseconds(ms),
            _ => throw Refused(),
        }, static _ => "must be zero (the default of one second), -1 (no limit) or a positive number of milliseconds of real time that one step may hold the loop."),
        new(Key.StepLimit, typeof(long), static (o, v) => o.StepLimit = (long)v == 0 ? o.StepLimit : (long)v, static _ =>
            $"must be zero (the default of {TrioTestOptions.DefaultStepLimit}), -1 (no limit) or a positive number of steps one schedule may take."),
        new(Key.TraceWindow, typeof(int), static (o, v) => o.TraceWindow = (int)v == 0 ? o.TraceWindow : (int)v, static _ =>
            $"must be zero (the default of {TraceRecorder.DefaultWindow}) or a positive number of trace events to keep."),
        new(Key.Strict, typeof(bool), static (o, v) => o.Strict = (bool)v, static _ => "is not allowed."),
        new(Key.Shrink, typeof(bool), static (o, v) => o.Shrink = (bool)v, static _ => "is not allowed."),
        new(Key.RecordRegressions, typeof(bool), static (o, v) => o.RegressionFilePath = (bool)v ? o.RegressionFilePath : null, static _ => "is not allowed."),
    ];

    /// <summary>The number of settings.</summary>
    public static readonly int Count = Enum.GetValues<Key>().Length;

    /// <summary>Finds the rule of a setting by name.</summary>
    /// <param name="name">The setting's name, such as <c>Iterations</c>.</param>
    /// <returns>The rule, or <see langword="null"/> for an unknown name.</returns>
    public static Rule? Find(string name) => Enum.TryParse(name, ignoreCase: false, out Key key) && Enum.IsDefined(key) ? All[(int)key] : null;

    /// <summary>Writes a value in the invariant form <see cref="Rule.Read"/> reads.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Write(object value) => value switch
    {
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        ExplorationStrategy strategy => ((int)strategy).ToString(CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Shows a value as the user wrote it in the attribute, for messages.</summary>
    private static string Show(object value) => value switch
    {
        string text => $"\"{text}\"",
        bool flag => flag ? "true" : "false",
        ExplorationStrategy strategy when Enum.IsDefined(strategy) => $"ExplorationStrategy.{strategy}",
        ExplorationStrategy strategy => ((int)strategy).ToString(CultureInfo.InvariantCulture),
        double number => number.ToString(CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Converts milliseconds to a <see cref="TimeSpan"/>, refusing what a <see cref="TimeSpan"/> cannot hold.</summary>
    private static TimeSpan Milliseconds(double milliseconds) =>
        Math.Abs(milliseconds) <= s_maxMilliseconds ? TimeSpan.FromMilliseconds(milliseconds) : throw Refused();

    /// <summary>The exception a rule throws for a value its conversion refuses; <see cref="Rule.Apply"/> turns it into the message.</summary>
    private static ArgumentException Refused() => new("The value is outside what the attribute allows.");

    /// <summary>Applies a seed or a pasted schedule.</summary>
    private static void ApplySeed(TrioTestOptions options, object value)
    {
        string text = (string)value;
        if (DirectedSchedule.LooksLikeSchedule(text))
        {
            options.Schedule = text.Trim();
            return;
        }

        options.Seed = Seed.TryParse(text, out Seed seed) ? seed : throw Refused();
    }

    /// <summary>What a seed setting allows: a seed, or a schedule, with the schedule's own problem.</summary>
    private static string SeedRequirement(object value)
    {
        const string Paste = "Paste the value a TrioTest failure report prints after \"replay shrunk\", such as Seed = \"fifo+13:2,30:1@0x9E3779B97F4A7C15\", or a seed such as Seed = \"0x9E3779B97F4A7C15\".";
        string text = (string)value;
        return DirectedSchedule.LooksLikeSchedule(text) && !DirectedSchedule.TryParse(text, out _, out string? problem)
            ? $"is not a schedule: {problem}. {Paste}"
            : "is not a seed. Paste the seed a TrioTest failure report prints, such as Seed = \"0x9E3779B97F4A7C15\" (0x and 1 to 16 hex digits, or a decimal number), or remove Seed to explore.";
    }

    /// <summary>One setting's way from an attribute to the options.</summary>
    /// <param name="Key">The setting.</param>
    /// <param name="Type">The type its attribute property holds.</param>
    /// <param name="Set">Sets the converted value on the options, which may refuse it.</param>
    /// <param name="Requirement">What the attribute allows, for a refused value, starting with its verb (<c>must be …</c>).</param>
    internal sealed record Rule(Key Key, Type Type, Action<TrioTestOptions, object> Set, Func<object, string> Requirement)
    {
        /// <summary>Applies <paramref name="value"/> to <paramref name="options"/>.</summary>
        /// <param name="options">The options.</param>
        /// <param name="value">The attribute's value.</param>
        /// <param name="attributeName">The attribute's name, for the message.</param>
        /// <exception cref="TrioTestConfigurationException">The value is not allowed.</exception>
        public void Apply(TrioTestOptions options, object value, string attributeName)
        {
            try
            {
                Set(options, value);
            }
            catch (ArgumentException)
            {
                throw new TrioTestConfigurationException($"[{attributeName}({Key} = {Show(value)})] {Requirement(value)}");
            }
        }

        /// <summary>Reads a value that <see cref="Write"/> wrote.</summary>
        /// <param name="text">The text.</param>
        /// <returns>The value, or <see langword="null"/> when the text is not one.</returns>
        public object? Read(string text) => Type switch
        {
            _ when Type == typeof(string) => text,
            _ when Type == typeof(int) => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int number) ? number : null,
            _ when Type == typeof(long) => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long number) ? number : null,
            _ when Type == typeof(double) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) ? number : null,
            _ when Type == typeof(bool) => text switch { "true" => true, "false" => false, _ => null },
            _ => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int strategy) ? (ExplorationStrategy)strategy : null,
        };
    }
}
