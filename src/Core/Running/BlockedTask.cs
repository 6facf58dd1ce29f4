namespace TrioTest;

/// <summary>A task as a deadlock or time-limit report describes it.</summary>
/// <param name="Path">The task's path.</param>
/// <param name="LastCheckpoint">The last checkpoint it passed, if any.</param>
/// <param name="WaitingFor">What it waits for, when it waits on a TrioTest primitive.</param>
public sealed record BlockedTask(string Path, CheckpointLocation? LastCheckpoint, string? WaitingFor)
{
    /// <inheritdoc/>
    /// <example><c>waits for sleep until 00:01:00; last checkpoint "fetch" at Client.cs:42</c></example>
    public override string ToString()
    {
        string waits = WaitingFor is null
            ? "waits on an await the loop cannot see into (not a TrioTest primitive)"
            : $"waits for {WaitingFor}";
        string last = LastCheckpoint is { } checkpoint ? $"last checkpoint {checkpoint}" : "no checkpoint yet";
        return $"{waits}; {last}";
    }
}
