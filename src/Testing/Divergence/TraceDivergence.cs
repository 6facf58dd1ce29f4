using System.Globalization;

namespace TrioTest.Testing;

/// <summary>
/// Where a replayed schedule stopped being the recorded one: the first event of its trace that differs from the trace
/// recorded when the seed was found, with the step, the task, the event and the source location before and after.
/// </summary>
/// <remarks>
/// When a failing seed goes into the regression file, its canonical trace goes into <c>triotest-traces/</c> beside it.
/// Replaying the seed later (from the regression file, <c>Seed</c> or <c>TRIOTEST_SEED</c>) compares the new trace with
/// that one. No divergence means the same schedule ran, event for event: "same schedule" is then a fact. Canonical
/// traces leave line numbers out, so an edit that only moves lines does not diverge.
/// </remarks>
/// <example>
/// <code>
/// TraceDivergence? divergence = TraceDivergence.Find(File.ReadAllText("recorded.trace"), result.Trace);
/// Console.WriteLine(divergence?.ToString() ?? "the same schedule");
/// </code>
/// </example>
public sealed class TraceDivergence
{
    private TraceDivergence(long step, string? recorded, TraceEvent? replayed, int index)
    {
        Step = step;
        Recorded = recorded;
        Replayed = replayed;
        Index = index;
    }

    /// <summary>Gets the step of the first event that differs (the trace's step column); -1 when the traces differ before the replay's window.</summary>
    public long Step { get; }

    /// <summary>Gets the index, from 0, of the first differing line of the canonical texts.</summary>
    public int Index { get; }

    /// <summary>Gets the recorded trace's canonical line at the divergence; <see langword="null"/> when the replay ran on after the recorded trace ended.</summary>
    public string? Recorded { get; }

    /// <summary>Gets the replay's event at the divergence, with its source line; <see langword="null"/> when the replay ended before the recorded trace did.</summary>
    public TraceEvent? Replayed { get; }

    /// <summary>Gets the path of the recorded trace this replay was compared with, when the harness found it; <see langword="null"/> otherwise.</summary>
    public string? RecordedTracePath { get; internal set; }

    /// <summary>Compares a replay's trace with a recorded trace's canonical text, and finds the first event that differs.</summary>
    /// <param name="recordedCanonicalText">The recorded trace, as <see cref="CheckpointTrace.ToCanonicalText"/> wrote it.</param>
    /// <param name="replayed">The replay's trace.</param>
    /// <returns>The first divergence; <see langword="null"/> when the two traces are the same.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static TraceDivergence? Find(string recordedCanonicalText, CheckpointTrace replayed)
    {
        ArgumentNullException.ThrowIfNull(recordedCanonicalText);
        ArgumentNullException.ThrowIfNull(replayed);
        string replayedText = replayed.ToCanonicalText();
        if (string.Equals(recordedCanonicalText.ReplaceLineEndings("\n"), replayedText, StringComparison.Ordinal))
        {
            return null;
        }

        string[] before = recordedCanonicalText.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        string[] after = replayedText.TrimEnd('\n').Split('\n');
        int header = replayed.DroppedCount == 0 ? 0 : 1;
        int index = 0;
        while (index < before.Length && index < after.Length && before[index] == after[index])
        {
            index++;
        }

        string? recorded = index < before.Length ? before[index] : null;
        TraceEvent? replayedEvent = index >= header && index - header < replayed.Count ? replayed[index - header] : null;
        long step = replayedEvent?.Step ?? StepOf(recorded);
        return new TraceDivergence(step, recorded, replayedEvent, index);
    }

    /// <summary>Gets the divergence as the report prints it: the step, then the recorded and the replayed event.</summary>
    /// <returns>Three lines, such as <c>first difference at step 14, task main/b</c>, <c>before: …</c>, <c>after: …</c>.</returns>
    public override string ToString()
    {
        string task = Replayed?.Task ?? TaskOf(Recorded) ?? "(none)";
        string where = Step >= 0 ? $"at step {Step.ToString(CultureInfo.InvariantCulture)}, task {task}" : "before the replay's trace window";
        string after = Replayed is { } e ? Describe(e) : "(the replay ended here)";
        return $"first difference {where}\n  before: {Recorded ?? "(the recorded trace ended here)"}\n  after:  {after}";
    }

    /// <summary>Describes a replayed event: its canonical line, with the source's line number.</summary>
    private static string Describe(TraceEvent e)
    {
        string line = e.ToString();
        return e.Source.Length != 0 && e.Source != e.CanonicalSource && line.EndsWith(e.CanonicalSource, StringComparison.Ordinal)
            ? line[..^e.CanonicalSource.Length] + e.Source
            : line;
    }

    /// <summary>Gets the step at the start of a canonical line; -1 when there is none.</summary>
    private static long StepOf(string? line)
    {
        int space = line?.IndexOf(' ') ?? -1;
        return space > 0 && long.TryParse(line.AsSpan(0, space), NumberStyles.None, CultureInfo.InvariantCulture, out long step) ? step : -1;
    }

    /// <summary>Gets the task of a canonical line (its third field).</summary>
    private static string? TaskOf(string? line)
    {
        string[]? fields = line?.Split(' ', 4);
        return fields is { Length: >= 3 } ? fields[2] : null;
    }
}
