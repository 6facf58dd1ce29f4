namespace TrioTest;

/// <summary>The arguments of <see cref="Instrument.BeforeRun"/> and <see cref="Instrument.AfterRun"/>.</summary>
/// <param name="Seed">The run's seed.</param>
/// <param name="Clock">The run's clock.</param>
/// <param name="Steps">How many steps have run.</param>
public readonly record struct RunEventArgs(Seed Seed, Clock Clock, long Steps);

/// <summary>The arguments of the task hooks of <see cref="Instrument"/>.</summary>
/// <param name="Task">The task.</param>
/// <param name="Time">The run's time; on a real clock, inside a step, the time the step began.</param>
/// <param name="Step">The number of steps run so far (the step about to run has this number).</param>
public readonly record struct TaskEventArgs(TrioTask Task, TimeSpan Time, long Step);

/// <summary>The arguments of <see cref="Instrument.Checkpoint"/>.</summary>
/// <param name="Task">The task passing the checkpoint.</param>
/// <param name="Location">The checkpoint's kind, label and source location.</param>
/// <param name="Time">The run's time; on a real clock, inside a step, the time the step began.</param>
/// <param name="Step">The number of steps run so far.</param>
public readonly record struct CheckpointEventArgs(TrioTask Task, CheckpointLocation Location, TimeSpan Time, long Step);

/// <summary>The arguments of <see cref="Instrument.Note"/>.</summary>
/// <param name="Task">The task that left the note.</param>
/// <param name="Text">The note.</param>
/// <param name="FilePath">The caller's source file, as the compiler recorded it (may be empty).</param>
/// <param name="Line">The caller's line, or 0 if unknown.</param>
/// <param name="Time">The run's time; on a real clock, inside a step, the time the step began.</param>
/// <param name="Step">The number of steps run so far.</param>
public readonly record struct NoteEventArgs(TrioTask Task, string Text, string FilePath, int Line, TimeSpan Time, long Step);

/// <summary>The arguments of <see cref="Instrument.CancelDelivered"/>.</summary>
/// <param name="Task">The task the <see cref="Cancelled"/> is thrown into.</param>
/// <param name="Reason">Why its scope was cancelled.</param>
/// <param name="Time">The run's time; on a real clock, inside a step, the time the step began.</param>
/// <param name="Step">The number of steps run so far.</param>
public readonly record struct CancelEventArgs(TrioTask Task, CancelReason Reason, TimeSpan Time, long Step);

/// <summary>The arguments of <see cref="Instrument.TaskUnparked"/>.</summary>
/// <param name="Task">The task woken.</param>
/// <param name="Primitive">The name of the parking lot it waited on, such as <c>Lock "accounts"</c>.</param>
/// <param name="Time">The run's time; on a real clock, inside a step, the time the step began.</param>
/// <param name="Step">The number of steps run so far.</param>
public readonly record struct UnparkEventArgs(TrioTask Task, string Primitive, TimeSpan Time, long Step);

/// <summary>The arguments of <see cref="Instrument.BeforeIdleWait"/>.</summary>
/// <param name="Timeout">The real time the loop may wait, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
/// <param name="Time">The run's time; on a real clock, inside a step, the time the step began.</param>
public readonly record struct IdleWaitEventArgs(TimeSpan Timeout, TimeSpan Time);

/// <summary>The arguments of <see cref="Instrument.ClockJumped"/>.</summary>
/// <param name="From">The virtual time before the jump.</param>
/// <param name="To">The virtual time after the jump.</param>
public readonly record struct ClockJumpEventArgs(TimeSpan From, TimeSpan To);

/// <summary>The arguments of <see cref="Instrument.EscapeDetected"/>.</summary>
/// <param name="Escape">The escape.</param>
public readonly record struct EscapeEventArgs(EscapeInfo Escape);
