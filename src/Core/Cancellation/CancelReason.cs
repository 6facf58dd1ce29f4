namespace TrioTest;

/// <summary>What cancelled a scope.</summary>
public enum CancelSource
{
    /// <summary><see cref="CancelScope.Cancel"/> was called.</summary>
    Explicit,

    /// <summary>The scope's deadline passed.</summary>
    Deadline,

    /// <summary>A task in the nursery failed, so the nursery cancelled its other tasks.</summary>
    Nursery,
}

/// <summary>Why a scope was cancelled: the source, an optional reason, and the task that cancelled it.</summary>
/// <param name="Source">What cancelled the scope.</param>
/// <param name="Reason">The reason given, if any.</param>
/// <param name="SourceTask">The path of the task that cancelled it, if one did.</param>
public sealed record CancelReason(CancelSource Source, string? Reason = null, string? SourceTask = null)
{
    /// <inheritdoc/>
    /// <example><c>cancelled due to explicit with reason "shutting down" from task main/a</c></example>
    public override string ToString()
    {
        string text = $"cancelled due to {Source.ToString().ToLowerInvariant()}";
        if (Reason is not null)
        {
            text += $" with reason \"{Reason}\"";
        }

        if (SourceTask is not null)
        {
            text += $" from task {SourceTask}";
        }

        return text;
    }
}
