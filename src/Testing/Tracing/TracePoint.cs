namespace TrioTest.Testing;

/// <summary>
/// A point in a trace named the way tests write it: <c>"a:connect"</c> is the checkpoint, wait or note labelled
/// <c>connect</c> of the task named <c>a</c>; <c>"connect"</c> alone matches that label in any task.
/// </summary>
/// <remarks>
/// The task part matches a task's name, its whole path (<c>main/a</c>) or the end of its path (<c>/a</c>, <c>a#2</c>).
/// The text splits at the first colon, so labels may contain colons but task names given here may not.
/// </remarks>
internal readonly record struct TracePoint(string? Task, string Label, string Text)
{
    /// <summary>Parses a point as tests write it.</summary>
    /// <exception cref="ArgumentException">The text is empty, or its label part is.</exception>
    public static TracePoint Parse(string text, string parameterName)
    {
        ArgumentException.ThrowIfNullOrEmpty(text, parameterName);
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return new TracePoint(null, text, text);
        }

        string task = text[..colon];
        string label = text[(colon + 1)..];
        if (label.Length == 0)
        {
            throw new ArgumentException($"The trace point \"{text}\" has no label: write \"task:label\", such as \"a:connect\", or just \"label\".", parameterName);
        }

        return new TracePoint(task.Length == 0 ? null : task, label, text);
    }

    /// <summary>Gets a value indicating whether <paramref name="e"/> is this point: a labelled checkpoint, wait or note of a matching task.</summary>
    public bool Matches(in TraceEvent e) =>
        e.Kind is TraceEventKind.Checkpoint or TraceEventKind.Wait or TraceEventKind.Note
        && string.Equals(e.Label, Label, StringComparison.Ordinal)
        && (Task is null || IsTask(e.Task, e.TaskName, Task));

    /// <summary>Gets a value indicating whether a task path and name match a task as tests name it.</summary>
    public static bool IsTask(string path, string name, string task) =>
        string.Equals(name, task, StringComparison.Ordinal)
        || string.Equals(path, task, StringComparison.Ordinal)
        || (path.EndsWith(task, StringComparison.Ordinal) && path.Length > task.Length && path[path.Length - task.Length - 1] == '/');

    /// <inheritdoc/>
    public override string ToString() => Text;
}
