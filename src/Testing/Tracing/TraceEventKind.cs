namespace TrioTest.Testing;

/// <summary>What happened at one event of a <see cref="CheckpointTrace"/>.</summary>
public enum TraceEventKind
{
    /// <summary>A task was started; the label is its name.</summary>
    Spawn,

    /// <summary>A step of the task ran: the scheduler chose it.</summary>
    Step,

    /// <summary>The task passed a checkpoint (<see cref="Trio.CheckpointAsync"/> and its variants); the label is the checkpoint's.</summary>
    Checkpoint,

    /// <summary>The task blocked on a TrioTest primitive or a sleep; the label says on what.</summary>
    Wait,

    /// <summary>A primitive woke the task; the label names the primitive.</summary>
    Wake,

    /// <summary>A checkpoint threw <see cref="Cancelled"/> into the task; the label is the reason.</summary>
    Cancel,

    /// <summary>The task's function completed.</summary>
    Exit,

    /// <summary>The task left a note with <see cref="Trio.Note"/>.</summary>
    Note,

    /// <summary>The virtual clock autojumped; the event's time is the new time.</summary>
    Jump,

    /// <summary>Code on another thread reached back into the run; the label is the kind of escape.</summary>
    Escape,
}
