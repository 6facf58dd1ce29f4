using System.Globalization;
using System.Text;

namespace TrioTest.Testing;

/// <summary>One event of a <see cref="CheckpointTrace"/>: a step, a checkpoint, a wake-up, a note...</summary>
/// <param name="Step">The number of steps run before this event.</param>
/// <param name="Time">The run's (virtual) time.</param>
/// <param name="Task">The task's path, such as <c>main/a-&gt;b</c>; <c>(clock)</c> for a clock jump.</param>
/// <param name="TaskName">The task's name, the last segment of its path without a <c>#n</c> suffix.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Label">The checkpoint's label, the note, the primitive or the reason; <see langword="null"/> when there is none.</param>
/// <param name="Source">The source file name and line of the checkpoint or note, such as <c>Bank.cs:42</c>; empty when unknown.</param>
public readonly record struct TraceEvent(long Step, TimeSpan Time, string Task, string TaskName, TraceEventKind Kind, string? Label, string Source)
{
    /// <summary>Gets the event in the trace's canonical one-line form: step, time, task, kind, quoted label, source.</summary>
    /// <returns>The line, without a line break.</returns>
    public override string ToString() => AppendTo(new StringBuilder()).ToString();

    /// <summary>Appends the canonical line (without a line break) to <paramref name="text"/>.</summary>
    internal StringBuilder AppendTo(StringBuilder text)
    {
        text.Append(Step.ToString(CultureInfo.InvariantCulture)).Append(' ')
            .Append(TraceFormat.Time(Time)).Append(' ')
            .Append(Task).Append(' ')
            .Append(TraceFormat.Kind(Kind));
        if (Label is not null)
        {
            text.Append(' ');
            TraceFormat.AppendQuoted(text, Label);
        }

        if (Source.Length != 0)
        {
            text.Append(' ').Append(Source);
        }

        return text;
    }
}
