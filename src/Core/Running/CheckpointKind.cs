namespace TrioTest;

/// <summary>The kind of a checkpoint a task passed.</summary>
public enum CheckpointKind
{
    /// <summary>A schedule point then a cancel point (<see cref="Trio.CheckpointAsync"/>).</summary>
    Checkpoint,

    /// <summary>A cancel point only (<see cref="Trio.CheckpointIfCancelledAsync"/>).</summary>
    IfCancelled,

    /// <summary>A schedule point only (<see cref="Trio.CancelShieldedCheckpointAsync"/>, or leaving a nursery).</summary>
    Shielded,

    /// <summary>A blocking wait on a TrioTest primitive (a sleep, an event, a nursery's children...).</summary>
    Wait,
}
