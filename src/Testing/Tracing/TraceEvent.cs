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
/// <param name="Source">The source file name and line of the checkpoint or note in the test's code, such as <c>Bank.cs:42</c>; empty when unknown.</param>
/// <remarks>
/// The canonical form leaves the line number out (<see cref="CanonicalSource"/>), so an edit that only moves lines keeps
/// a seed's trace hash, and the same body hashes alike in any project; the printed report keeps the line.
/// </remarks>
public readonly record struct TraceEvent(long Step, TimeSpan Time, string Task, string TaskName, TraceEventKind Kind, string? Label, string Source)
{
    /// <summary>The canonical source, when it is not <see cref="Source"/> without its line.</summary>
    private readonly string? _canonicalSource;

    /// <summary>
    /// Gets the source file name the canonical text gives, without a line number: by default <see cref="Source"/>'s file
    /// name. For a checkpoint that TrioTest's own code passed, it is that compile-time file, while <see cref="Source"/> shows
    /// the test's line found on the stack (which inlining could hide, so it stays out of the hash).
    /// </summary>
    public string CanonicalSource
    {
        get => _canonicalSource ?? WithoutLine(Source);
        init => _canonicalSource = value;
    }

    /// <summary>Gets the event in the trace's canonical one-line form: step, time, task, kind, quoted label, source file.</summary>
    /// <returns>The line, without a line break.</returns>
    public override string ToString() => AppendTo(new StringBuilder()).ToString();

    /// <summary>Gets <see cref="CanonicalSource"/> without allocating a string for it.</summary>
    internal ReadOnlySpan<char> CanonicalSourceSpan()
    {
        if (_canonicalSource is not null)
        {
            return _canonicalSource;
        }

        int colon = Source.LastIndexOf(':');
        return colon < 0 ? Source : Source.AsSpan(0, colon);
    }

    /// <summary>Gets <c>File.cs</c> from <c>File.cs:42</c>.</summary>
    private static string WithoutLine(string source)
    {
        int colon = source.LastIndexOf(':');
        return colon < 0 ? source : source[..colon];
    }

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

        string source = CanonicalSource;
        if (source.Length != 0)
        {
            text.Append(' ').Append(source);
        }

        return text;
    }
}
