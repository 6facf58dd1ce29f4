using System.Diagnostics;

namespace TrioTest;

/// <summary>
/// A step that is ready to run: one continuation of one task, waiting in the run queue for the
/// <see cref="ScheduleStrategy"/> to choose it.
/// </summary>
/// <remarks>
/// Strategies reorder or pick these values; they cannot run them. <see cref="Sequence"/> is the order in
/// which steps became ready, unique within a run, and is the tie-breaker every deterministic strategy uses.
/// </remarks>
[DebuggerDisplay("{Sequence}: {Task.Path}")]
public readonly struct ReadyStep
{
    /// <summary>The continuation to invoke: a <see cref="SendOrPostCallback"/>, an <see cref="Action{T}"/> of object, or a <see cref="System.Threading.Tasks.Task"/>.</summary>
    internal readonly object Callback;

    /// <summary>The state passed to <see cref="Callback"/>.</summary>
    internal readonly object? State;

    internal ReadyStep(TrioTask task, long sequence, object callback, object? state)
    {
        Task = task;
        Sequence = sequence;
        Callback = callback;
        State = state;
    }

    /// <summary>Gets the task this step belongs to.</summary>
    public TrioTask Task { get; }

    /// <summary>Gets the order in which this step became ready (unique within a run, increasing).</summary>
    public long Sequence { get; }

    /// <inheritdoc/>
    public override string ToString() => $"step {Sequence} of {Task.Path}";
}
