namespace TrioTest;

/// <summary>
/// Trio's instrument: hooks the loop calls as a run proceeds, for tracing, statistics and debugging. Override
/// the hooks you need; the others cost nothing. Hooks run on the loop thread and must not block or await.
/// </summary>
/// <remarks>
/// An instrument whose hook throws is removed from the run and the failure is written to <see cref="RunOptions.Log"/>;
/// the run goes on. Each hook receives a readonly struct, so data can be added later without breaking anyone.
/// A task doing k checkpoints produces: spawned, scheduled, then k times (before step, checkpoint, scheduled,
/// after step), then before step, exited, after step.
/// </remarks>
public abstract class Instrument
{
    /// <summary>Called once when the run starts, before main is spawned.</summary>
    /// <param name="args">The run.</param>
    public virtual void BeforeRun(in RunEventArgs args)
    {
    }

    /// <summary>Called once when the run ends, whether it succeeded or not.</summary>
    /// <param name="args">The run.</param>
    public virtual void AfterRun(in RunEventArgs args)
    {
    }

    /// <summary>Called when a task is created, before its first step is queued.</summary>
    /// <param name="args">The task.</param>
    public virtual void TaskSpawned(in TaskEventArgs args)
    {
    }

    /// <summary>Called whenever a step of a task becomes ready to run.</summary>
    /// <param name="args">The task.</param>
    public virtual void TaskScheduled(in TaskEventArgs args)
    {
    }

    /// <summary>Called before a step of a task runs.</summary>
    /// <param name="args">The task.</param>
    public virtual void BeforeTaskStep(in TaskEventArgs args)
    {
    }

    /// <summary>Called after a step of a task ran.</summary>
    /// <param name="args">The task.</param>
    public virtual void AfterTaskStep(in TaskEventArgs args)
    {
    }

    /// <summary>Called when a task's function has completed.</summary>
    /// <param name="args">The task.</param>
    public virtual void TaskExited(in TaskEventArgs args)
    {
    }

    /// <summary>Called when a task passes a checkpoint or starts a blocking wait.</summary>
    /// <param name="args">The checkpoint.</param>
    public virtual void Checkpoint(in CheckpointEventArgs args)
    {
    }

    /// <summary>Called when a task leaves a note in the trace with <see cref="Trio.Note"/>; the task does not yield.</summary>
    /// <param name="args">The note.</param>
    public virtual void Note(in NoteEventArgs args)
    {
    }

    /// <summary>Called when a checkpoint or wait of a task throws <see cref="Cancelled"/> because its scope was cancelled.</summary>
    /// <param name="args">The task and the cancellation's reason.</param>
    public virtual void CancelDelivered(in CancelEventArgs args)
    {
    }

    /// <summary>Called when a primitive wakes a task parked on it (an event set, a lock handed over).</summary>
    /// <param name="args">The task and the primitive.</param>
    public virtual void TaskUnparked(in UnparkEventArgs args)
    {
    }

    /// <summary>Called before the loop waits for outside events because no step is ready (Trio's <c>before_io_wait</c>).</summary>
    /// <param name="args">How long the loop may wait.</param>
    public virtual void BeforeIdleWait(in IdleWaitEventArgs args)
    {
    }

    /// <summary>Called after an autojump moved the virtual clock.</summary>
    /// <param name="args">The jump.</param>
    public virtual void ClockJumped(in ClockJumpEventArgs args)
    {
    }

    /// <summary>Called when code on another thread reached back into the run.</summary>
    /// <param name="args">The escape.</param>
    public virtual void EscapeDetected(in EscapeEventArgs args)
    {
    }
}
