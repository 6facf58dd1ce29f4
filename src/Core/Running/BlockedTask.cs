namespace TrioTest;

/// <summary>A task as a deadlock or time-limit report describes it.</summary>
/// <param name="Path">The task's path.</param>
/// <param name="LastCheckpoint">The last checkpoint it passed, if any.</param>
/// <param name="WaitingFor">What it waits for, when it waits on a TrioTest primitive.</param>
public sealed record BlockedTask(string Path, CheckpointLocation? LastCheckpoint, string? WaitingFor)
{
    /// <summary>Gets the paths of the tasks holding what this task waits for (a lock's owner), in the order they took it; empty when none or unknown.</summary>
    public IReadOnlyList<string> HeldBy { get; init; } = [];

    /// <inheritdoc/>
    /// <example><c>waits for Lock "b" held by main/t2; last checkpoint "transfer" at Bank.cs:42</c></example>
    public override string ToString()
    {
        string waits = WaitingFor is null
            ? "waits on an await the loop cannot see into (not a TrioTest primitive)"
            : $"waits for {WaitingFor}";
        if (HeldBy.Count != 0)
        {
            waits += $" held by {string.Join(", ", HeldBy)}";
        }

        string last = LastCheckpoint is { } checkpoint ? $"last checkpoint {checkpoint}" : "no checkpoint yet";
        return $"{waits}; {last}";
    }
}
