namespace TrioTest.Testing;

/// <summary>
/// The compact form of a <see cref="TraceEvent"/> that <see cref="TraceRecorder"/> keeps in its ring: numbers, and
/// references to names and call sites interned once per task and per site, so recording an event formats no text and
/// copies three references instead of five. <see cref="ToEvent"/> gives the public event only when a trace is read.
/// </summary>
/// <param name="Step">The number of steps run before this event.</param>
/// <param name="Time">The run's (virtual) time.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Task">The task's path and name.</param>
/// <param name="Label">The checkpoint's label, the note, the primitive or the reason; <see langword="null"/> when there is none.</param>
/// <param name="Site">The source texts of the event.</param>
internal readonly record struct TraceRecord(long Step, TimeSpan Time, TraceEventKind Kind, TraceRecord.TaskNames Task, string? Label, TraceRecord.SourceSite Site)
{
    /// <summary>Gets the public event this record stands for.</summary>
    public TraceEvent ToEvent() => Site.Own is { } own
        ? new(Step, Time, Task.Path, Task.Name, Kind, Label, Site.Text) { CanonicalSource = own }
        : new(Step, Time, Task.Path, Task.Name, Kind, Label, Site.Text);

    /// <summary>A task's path and name, shared by every event of the task.</summary>
    /// <param name="Path">The task's path, such as <c>main/a-&gt;b</c>; <c>(clock)</c> for a clock jump.</param>
    /// <param name="Name">The task's name.</param>
    internal sealed record TaskNames(string Path, string Name)
    {
        /// <summary>Gets the names of the parent task, or <see langword="null"/> for <c>main</c>: with <see cref="Name"/> and <see cref="Ordinal"/>, what the path is made of.</summary>
        public TaskNames? Parent { get; init; }

        /// <summary>Gets the task's <see cref="TrioTask.PathOrdinal"/>.</summary>
        public int Ordinal { get; init; }

        /// <summary>Gets the stable hash of <see cref="Path"/>, computed once for every event of the task to fold in.</summary>
        public ulong PathHash { get; } = StableHash.Add(StableHash.Empty, Path);
    }

    /// <summary>The source texts of a call site, shared by every event recorded there.</summary>
    /// <param name="Text">The printed source, such as <c>Bank.cs:42</c>; empty when unknown.</param>
    /// <param name="Own">For TrioTest's own call sites, the file name the canonical text keeps; otherwise, <see langword="null"/>.</param>
    internal sealed record SourceSite(string Text, string? Own)
    {
        /// <summary>The site of events that have no source.</summary>
        public static readonly SourceSite None = new(string.Empty, null);

        /// <summary>Gets the source file name the canonical text gives (<see cref="TraceEvent.CanonicalSource"/>).</summary>
        public string Canonical { get; } = Own ?? WithoutLine(Text);

        /// <summary>Gets the stable hash of <see cref="Canonical"/>, computed once for every event of the site to fold in.</summary>
        public ulong CanonicalHash { get; } = StableHash.Add(StableHash.Empty, (Own ?? WithoutLine(Text)).AsSpan());

        /// <summary>Gets <c>File.cs</c> from <c>File.cs:42</c>.</summary>
        private static string WithoutLine(string source)
        {
            int colon = source.LastIndexOf(':');
            return colon < 0 ? source : source[..colon];
        }
    }
}
