using System.Globalization;
using System.Text;

namespace TrioTest.Testing;

/// <summary>The text forms shared by the canonical trace, the failure report and the tour: times, kinds and quoted labels.</summary>
internal static class TraceFormat
{
    /// <summary>Formats a run time as <c>hh:mm:ss.fff</c>, with more digits only when the time has them and a day prefix past a day.</summary>
    public static string Time(TimeSpan time)
    {
        string days = time.Days != 0 ? time.Days.ToString(CultureInfo.InvariantCulture) + "." : string.Empty;
        string format = time.Ticks % TimeSpan.TicksPerMillisecond == 0 ? @"hh\:mm\:ss\.fff" : @"hh\:mm\:ss\.fffffff";
        return days + time.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>Gets the lower-case name of a kind, as it appears in traces.</summary>
    public static string Kind(TraceEventKind kind) => kind switch
    {
        TraceEventKind.Spawn => "spawn",
        TraceEventKind.Step => "step",
        TraceEventKind.Checkpoint => "checkpoint",
        TraceEventKind.Wait => "wait",
        TraceEventKind.Wake => "wake",
        TraceEventKind.Cancel => "cancel",
        TraceEventKind.Exit => "exit",
        TraceEventKind.Note => "note",
        TraceEventKind.Jump => "jump",
        TraceEventKind.Escape => "escape",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>Appends <paramref name="label"/> in double quotes, escaping quotes, backslashes and control characters so an event stays on one line.</summary>
    public static void AppendQuoted(StringBuilder text, string label)
    {
        text.Append('"');
        foreach (char c in label)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                default:
                    if (char.IsControl(c))
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
    }

    /// <summary>Gets <c>File.cs</c> from a compiler-recorded path, or an empty string.</summary>
    public static string FileName(string filePath) => filePath.Length == 0 ? string.Empty : Path.GetFileName(filePath.Replace('\\', '/'));

    /// <summary>Gets <c>File.cs:42</c> from a compiler-recorded path and line, or an empty string.</summary>
    public static string Source(string filePath, int line) =>
        filePath.Length == 0 ? string.Empty : $"{Path.GetFileName(filePath.Replace('\\', '/'))}:{line.ToString(CultureInfo.InvariantCulture)}";
}
