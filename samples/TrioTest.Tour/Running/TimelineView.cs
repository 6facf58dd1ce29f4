using TrioTest.Testing;

namespace TrioTest.Tour.Running;

/// <summary>Prints a checkpoint trace as a readable timeline: Testing's aligned table, filtered and capped.</summary>
internal static class TimelineView
{
    /// <summary>Prints the events of <paramref name="trace"/> that <paramref name="show"/> selects, at most <paramref name="maxLines"/> of them.</summary>
    /// <param name="output">Where to print.</param>
    /// <param name="trace">The trace, or a part of it.</param>
    /// <param name="show">Which events to print; by default all but the <c>step</c> events, which <c>--trace-json</c> keeps.</param>
    /// <param name="maxLines">The most events to print; the rest are counted.</param>
    public static void Print(TextWriter output, IEnumerable<TraceEvent> trace, Func<TraceEvent, bool>? show = null, int maxLines = 40)
    {
        TraceEvent[] shown = [.. trace.Where(show ?? (static e => e.Kind != TraceEventKind.Step))];
        output.Write(CheckpointTrace.FormatTable(shown.Take(maxLines), "    "));
        if (shown.Length > maxLines)
        {
            output.WriteLine($"    ... and {shown.Length - maxLines} more events");
        }
    }
}
