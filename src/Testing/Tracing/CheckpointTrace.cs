using System.Collections;
using System.Security.Cryptography;
using System.Text;

namespace TrioTest.Testing;

/// <summary>
/// The checkpoint trace of one run: every step, checkpoint, wait, wake-up, cancellation, exit, note and clock jump, in
/// the order the loop saw them. Its canonical text is byte-identical for the same seed and code, so
/// <see cref="Hash"/> tells two schedules apart; its assertions state orderings across tasks; it exports to Chrome's
/// trace-event JSON for Perfetto.
/// </summary>
/// <remarks>
/// <para>A trace may hold only a run's most recent events (<see cref="TrioTestOptions.TraceWindow"/>): then
/// <see cref="DroppedCount"/> says how many came before, and the canonical text opens with one line that gives their count
/// and the SHA-256 of their canonical lines, so <see cref="Hash"/> still tells two whole runs apart.</para>
/// Points are written <c>"task:label"</c> (see <see cref="TraceEvent"/>): <c>"a:connect"</c> is the checkpoint, wait or note
/// labelled <c>connect</c> in the task named <c>a</c>. Order assertions compare first occurrences.
/// The facets live in partial files: <c>CheckpointTrace.Assertions.cs</c> and <c>CheckpointTrace.Chrome.cs</c>.
/// </remarks>
/// <example>
/// <code>
/// CheckpointTrace trace = TrioTestContext.Current.Trace;
/// trace.AssertBefore("a:connect", "b:send");
/// trace.AssertNoStepBetween("b", "a:debit", "a:credit");
/// </code>
/// </example>
public sealed partial class CheckpointTrace : IReadOnlyList<TraceEvent>
{
    /// <summary>The events, in order.</summary>
    private readonly TraceEvent[] _events;

    /// <summary>The SHA-256 of the canonical lines of the dropped events; empty when none were dropped.</summary>
    private readonly byte[] _droppedHash = [];

    /// <summary>The canonical text, computed on first use.</summary>
    private string? _canonicalText;

    /// <summary>Initializes a new instance of the <see cref="CheckpointTrace"/> class over <paramref name="events"/>.</summary>
    /// <param name="events">The events, in order; the trace keeps its own copy.</param>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> is null.</exception>
    public CheckpointTrace(IEnumerable<TraceEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        _events = [.. events];
    }

    /// <summary>Initializes a trace that holds the most recent events of a run whose first <paramref name="droppedCount"/> events were dropped.</summary>
    /// <param name="events">The events kept; the trace takes the array.</param>
    /// <param name="droppedCount">How many events came before them.</param>
    /// <param name="droppedHash">The SHA-256 of the dropped events' canonical lines.</param>
    internal CheckpointTrace(TraceEvent[] events, long droppedCount, byte[] droppedHash)
    {
        _events = events;
        DroppedCount = droppedCount;
        _droppedHash = droppedHash;
    }

    /// <summary>Gets how many events of the run came before the first one this trace holds: 0 unless the run outgrew <see cref="TrioTestOptions.TraceWindow"/>.</summary>
    public long DroppedCount { get; }

    /// <summary>Gets an empty trace.</summary>
    public static CheckpointTrace Empty { get; } = new([]);

    /// <summary>Gets the number of events.</summary>
    public int Count => _events.Length;

    /// <summary>Gets the event at <paramref name="index"/>.</summary>
    /// <param name="index">The index, from 0.</param>
    /// <returns>The event.</returns>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is outside the trace.</exception>
    public TraceEvent this[int index] => _events[index];

    /// <summary>
    /// Gets the trace as one line per event (see <see cref="TraceEvent.ToString"/>), each ending with <c>\n</c>: the same
    /// bytes for the same seed and code. When events were dropped (<see cref="DroppedCount"/>), a first line gives their
    /// count and the SHA-256 of their lines: <c>(dropped 1234 earlier events, sha256 9f…)</c>.
    /// </summary>
    /// <returns>The canonical text.</returns>
    public string ToCanonicalText()
    {
        if (_canonicalText is null)
        {
            var text = new StringBuilder((_events.Length + 1) * 48);
            if (DroppedCount != 0)
            {
                text.Append("(dropped ").Append(DroppedCount.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .Append(" earlier events, sha256 ").Append(Convert.ToHexStringLower(_droppedHash)).Append(")\n");
            }

            foreach (TraceEvent e in _events)
            {
                e.AppendTo(text).Append('\n');
            }

            _canonicalText = text.ToString();
        }

        return _canonicalText;
    }

    /// <summary>Gets the SHA-256 of the canonical text's UTF-8 bytes, as 64 lower-case hex digits: equal hashes mean equal schedules, dropped events included.</summary>
    public string Hash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ToCanonicalText())));

    /// <summary>Gets the last <paramref name="count"/> events (all of them if there are fewer).</summary>
    /// <param name="count">How many events; zero or more.</param>
    /// <returns>The events, oldest first.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public IReadOnlyList<TraceEvent> Tail(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return _events.AsSpan(Math.Max(0, _events.Length - count)).ToArray();
    }

    /// <summary>Gets the events of the tasks named <paramref name="task"/> (its name, path or path suffix, as in points).</summary>
    /// <param name="task">The task.</param>
    /// <returns>The task's events, in order.</returns>
    /// <exception cref="ArgumentException"><paramref name="task"/> is null or empty.</exception>
    public IReadOnlyList<TraceEvent> OfTask(string task)
    {
        ArgumentException.ThrowIfNullOrEmpty(task);
        return Array.FindAll(_events, e => TracePoint.IsTask(e.Task, e.TaskName, task));
    }

    /// <summary>Gets the labelled events a test can name, each as <c>task:label</c>, in order: what a point may refer to.</summary>
    /// <returns>The points, in order, repeats included.</returns>
    public IReadOnlyList<string> GetPoints() =>
        [.. _events.Where(static e => e.Kind is TraceEventKind.Checkpoint or TraceEventKind.Wait or TraceEventKind.Note && e.Label is not null)
                   .Select(static e => $"{e.TaskName}:{e.Label}")];

    /// <summary>Formats events as an aligned table (step, time, task, event), the form failure reports print.</summary>
    /// <param name="events">The events.</param>
    /// <param name="indent">The indentation of every line.</param>
    /// <returns>The table, each line ending with a line break.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> or <paramref name="indent"/> is null.</exception>
    public static string FormatTable(IEnumerable<TraceEvent> events, string indent = "")
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(indent);
        TraceEvent[] rows = [.. events];
        int stepWidth = Math.Max(4, rows.Length == 0 ? 0 : rows.Max(static e => e.Step.ToString(System.Globalization.CultureInfo.InvariantCulture).Length));
        int timeWidth = Math.Max(12, rows.Length == 0 ? 0 : rows.Max(static e => TraceFormat.Time(e.Time).Length));
        int taskWidth = Math.Max(16, rows.Length == 0 ? 0 : rows.Max(static e => e.Task.Length));
        var text = new StringBuilder();
        text.Append(indent).Append("step".PadRight(stepWidth)).Append("  ").Append("time".PadRight(timeWidth)).Append("  ")
            .Append("task".PadRight(taskWidth)).Append("  event").Append('\n');
        foreach (TraceEvent e in rows)
        {
            text.Append(indent)
                .Append(e.Step.ToString(System.Globalization.CultureInfo.InvariantCulture).PadRight(stepWidth)).Append("  ")
                .Append(TraceFormat.Time(e.Time).PadRight(timeWidth)).Append("  ")
                .Append(e.Task.PadRight(taskWidth)).Append("  ")
                .Append(TraceFormat.Kind(e.Kind));
            if (e.Label is not null)
            {
                text.Append(' ');
                TraceFormat.AppendQuoted(text, e.Label);
            }

            if (e.Source.Length != 0)
            {
                text.Append("   ").Append(e.Source);
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <inheritdoc/>
    public IEnumerator<TraceEvent> GetEnumerator() => ((IEnumerable<TraceEvent>)_events).GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public override string ToString() => DroppedCount == 0
        ? $"CheckpointTrace ({_events.Length} events, hash {Hash[..16]})"
        : $"CheckpointTrace ({_events.Length} events after {DroppedCount} dropped, hash {Hash[..16]})";

    /// <summary>Feeds the UTF-8 bytes of <paramref name="text"/> to <paramref name="hash"/>, chunk by chunk, without building a string.</summary>
    internal static void AppendUtf8(IncrementalHash hash, StringBuilder text)
    {
        Span<byte> buffer = stackalloc byte[512];
        foreach (ReadOnlyMemory<char> chunk in text.GetChunks())
        {
            ReadOnlySpan<char> chars = chunk.Span;
            while (!chars.IsEmpty)
            {
                // At most 128 chars at a time: 3 bytes each fit the buffer, and a surrogate pair is never split (4 bytes for 2 chars).
                int take = Math.Min(chars.Length, 128);
                if (take < chars.Length && char.IsHighSurrogate(chars[take - 1]))
                {
                    take--;
                }

                int written = Encoding.UTF8.GetBytes(chars[..take], buffer);
                hash.AppendData(buffer[..written]);
                chars = chars[take..];
            }
        }
    }

    /// <summary>Finds the index of the first event at or after <paramref name="start"/> that is <paramref name="point"/>, or -1.</summary>
    internal int IndexOf(in TracePoint point, int start = 0)
    {
        for (int i = start; i < _events.Length; i++)
        {
            if (point.Matches(_events[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
