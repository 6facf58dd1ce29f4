using System.Text;
using System.Text.Json;

namespace TrioTest.Testing;

/// <summary>Export to Chrome's trace-event JSON, which Perfetto (ui.perfetto.dev) and chrome://tracing draw as a timeline per task.</summary>
public sealed partial class CheckpointTrace
{
    /// <summary>
    /// Writes the trace as Chrome trace-event JSON: one track per task (named by its path), one slice per step, and
    /// instant marks for checkpoints, waits, wake-ups, cancellations, notes and exits.
    /// </summary>
    /// <param name="stream">Where to write UTF-8 JSON; it is left open.</param>
    /// <remarks>
    /// The timeline's unit is the step, not time: many steps share one virtual instant, and a schedule is about their
    /// order. One step is drawn as one microsecond; each event's virtual time is in its arguments, and clock jumps are
    /// global marks.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    public void WriteChromeTrace(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false });
        var tracks = new Dictionary<string, int>(StringComparer.Ordinal);
        json.WriteStartObject();
        json.WriteString("displayTimeUnit", "ns");
        json.WriteStartArray("traceEvents");
        foreach (TraceEvent e in _events)
        {
            if (e.Kind == TraceEventKind.Jump)
            {
                WriteEvent(json, e, "i", tid: 0, name: $"clock jump to {TraceFormat.Time(e.Time)}");
                json.WriteString("s", "g");
                json.WriteEndObject();
                continue;
            }

            if (!tracks.TryGetValue(e.Task, out int tid))
            {
                // Track ids in order of first appearance: deterministic, unlike the task objects' hash codes.
                tid = tracks.Count + 1;
                tracks.Add(e.Task, tid);
                json.WriteStartObject();
                json.WriteString("name", "thread_name");
                json.WriteString("ph", "M");
                json.WriteNumber("pid", 1);
                json.WriteNumber("tid", tid);
                json.WritePropertyName("args");
                json.WriteStartObject();
                json.WriteString("name", e.Task);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            if (e.Kind == TraceEventKind.Step)
            {
                WriteEvent(json, e, "X", tid, name: "step");
                json.WriteNumber("dur", 1);
            }
            else
            {
                WriteEvent(json, e, "i", tid, name: e.Label is null ? TraceFormat.Kind(e.Kind) : $"{TraceFormat.Kind(e.Kind)} {e.Label}");
                json.WriteString("s", "t");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Gets the trace as Chrome trace-event JSON; see <see cref="WriteChromeTrace"/>.</summary>
    /// <returns>The JSON text.</returns>
    public string ToChromeTraceJson()
    {
        using var stream = new MemoryStream();
        WriteChromeTrace(stream);
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>Starts one event object with the fields every event has; the caller adds its own and closes it.</summary>
    private static void WriteEvent(Utf8JsonWriter json, in TraceEvent e, string phase, int tid, string name)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("cat", TraceFormat.Kind(e.Kind));
        json.WriteString("ph", phase);
        json.WriteNumber("ts", e.Step);
        json.WriteNumber("pid", 1);
        json.WriteNumber("tid", tid);
        json.WritePropertyName("args");
        json.WriteStartObject();
        json.WriteString("time", TraceFormat.Time(e.Time));
        json.WriteNumber("step", e.Step);
        if (e.Source.Length != 0)
        {
            json.WriteString("source", e.Source);
        }

        json.WriteEndObject();
    }
}
