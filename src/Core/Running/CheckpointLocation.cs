namespace TrioTest;

/// <summary>Where a task last passed a checkpoint: its label and the caller's source location.</summary>
/// <param name="Kind">The kind of checkpoint.</param>
/// <param name="Label">The label given to the checkpoint, or the primitive's description.</param>
/// <param name="FilePath">The caller's source file, as the compiler recorded it (may be empty).</param>
/// <param name="Line">The caller's line, or 0 if unknown.</param>
public readonly record struct CheckpointLocation(CheckpointKind Kind, string? Label, string FilePath, int Line)
{
    /// <summary>Gets the file name and line, such as <c>Bank.cs:42</c>, or an empty string when unknown.</summary>
    public string SourceText => FilePath.Length == 0 ? string.Empty : $"{System.IO.Path.GetFileName(FilePath)}:{Line}";

    /// <inheritdoc/>
    public override string ToString()
    {
        // A primitive's description quotes its own name (Lock "b"): quoting it again would nest the quotes.
        string label = Label is null ? Kind.ToString().ToLowerInvariant() : Label.Contains('"', StringComparison.Ordinal) ? Label : $"\"{Label}\"";
        return SourceText.Length == 0 ? label : $"{label} at {SourceText}";
    }
}
