using System.Globalization;

namespace TrioTest.Tour.Running;

/// <summary>The tour's text forms of times and ratios, culture-invariant so every machine prints the same.</summary>
internal static class Format
{
    /// <summary>Formats a virtual time as <c>hh:mm:ss.fff</c>.</summary>
    public static string Time(TimeSpan time) => time.ToString(@"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture);

    /// <summary>Formats a duration in milliseconds with one decimal, such as <c>12.3 ms</c>.</summary>
    public static string Milliseconds(TimeSpan time) => string.Create(CultureInfo.InvariantCulture, $"{time.TotalMilliseconds:F1} ms");

    /// <summary>Formats a ratio with one decimal, such as <c>6.5x</c>.</summary>
    public static string Ratio(double ratio) => string.Create(CultureInfo.InvariantCulture, $"{ratio:F1}x");
}
