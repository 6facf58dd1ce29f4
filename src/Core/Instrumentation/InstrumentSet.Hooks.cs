namespace TrioTest;

/// <summary>
/// The hooks of <see cref="Instrument"/> as types: <c>Dispatch&lt;TArgs, THook&gt;</c> is compiled once per hook struct,
/// with a direct call to the hook, where a delegate per hook would cost an indirect call on every event of a traced run.
/// </summary>
internal sealed partial class InstrumentSet
{
    /// <summary>One hook of <see cref="Instrument"/>.</summary>
    /// <typeparam name="TArgs">The hook's arguments.</typeparam>
    private interface IHook<TArgs>
        where TArgs : struct
    {
        /// <summary>Gets the hook's bit.</summary>
        static abstract Hooks Hook { get; }

        /// <summary>Calls the hook on <paramref name="instrument"/>.</summary>
        static abstract void Invoke(Instrument instrument, in TArgs args);
    }

    /// <summary><see cref="Instrument.BeforeRun"/>.</summary>
    private readonly struct BeforeRunHook : IHook<RunEventArgs>
    {
        public static Hooks Hook => Hooks.BeforeRun;

        public static void Invoke(Instrument instrument, in RunEventArgs args) => instrument.BeforeRun(in args);
    }

    /// <summary><see cref="Instrument.AfterRun"/>.</summary>
    private readonly struct AfterRunHook : IHook<RunEventArgs>
    {
        public static Hooks Hook => Hooks.AfterRun;

        public static void Invoke(Instrument instrument, in RunEventArgs args) => instrument.AfterRun(in args);
    }

    /// <summary><see cref="Instrument.TaskSpawned"/>.</summary>
    private readonly struct TaskSpawnedHook : IHook<TaskEventArgs>
    {
        public static Hooks Hook => Hooks.TaskSpawned;

        public static void Invoke(Instrument instrument, in TaskEventArgs args) => instrument.TaskSpawned(in args);
    }

    /// <summary><see cref="Instrument.TaskScheduled"/>.</summary>
    private readonly struct TaskScheduledHook : IHook<TaskEventArgs>
    {
        public static Hooks Hook => Hooks.TaskScheduled;

        public static void Invoke(Instrument instrument, in TaskEventArgs args) => instrument.TaskScheduled(in args);
    }

    /// <summary><see cref="Instrument.BeforeTaskStep"/>.</summary>
    private readonly struct BeforeTaskStepHook : IHook<TaskEventArgs>
    {
        public static Hooks Hook => Hooks.BeforeTaskStep;

        public static void Invoke(Instrument instrument, in TaskEventArgs args) => instrument.BeforeTaskStep(in args);
    }

    /// <summary><see cref="Instrument.AfterTaskStep"/>.</summary>
    private readonly struct AfterTaskStepHook : IHook<TaskEventArgs>
    {
        public static Hooks Hook => Hooks.AfterTaskStep;

        public static void Invoke(Instrument instrument, in TaskEventArgs args) => instrument.AfterTaskStep(in args);
    }

    /// <summary><see cref="Instrument.TaskExited"/>.</summary>
    private readonly struct TaskExitedHook : IHook<TaskEventArgs>
    {
        public static Hooks Hook => Hooks.TaskExited;

        public static void Invoke(Instrument instrument, in TaskEventArgs args) => instrument.TaskExited(in args);
    }

    /// <summary><see cref="Instrument.Checkpoint"/>.</summary>
    private readonly struct CheckpointHook : IHook<CheckpointEventArgs>
    {
        public static Hooks Hook => Hooks.Checkpoint;

        public static void Invoke(Instrument instrument, in CheckpointEventArgs args) => instrument.Checkpoint(in args);
    }

    /// <summary><see cref="Instrument.Note"/>.</summary>
    private readonly struct NoteHook : IHook<NoteEventArgs>
    {
        public static Hooks Hook => Hooks.Note;

        public static void Invoke(Instrument instrument, in NoteEventArgs args) => instrument.Note(in args);
    }

    /// <summary><see cref="Instrument.CancelDelivered"/>.</summary>
    private readonly struct CancelDeliveredHook : IHook<CancelEventArgs>
    {
        public static Hooks Hook => Hooks.CancelDelivered;

        public static void Invoke(Instrument instrument, in CancelEventArgs args) => instrument.CancelDelivered(in args);
    }

    /// <summary><see cref="Instrument.TaskUnparked"/>.</summary>
    private readonly struct TaskUnparkedHook : IHook<UnparkEventArgs>
    {
        public static Hooks Hook => Hooks.TaskUnparked;

        public static void Invoke(Instrument instrument, in UnparkEventArgs args) => instrument.TaskUnparked(in args);
    }

    /// <summary><see cref="Instrument.BeforeIdleWait"/>.</summary>
    private readonly struct BeforeIdleWaitHook : IHook<IdleWaitEventArgs>
    {
        public static Hooks Hook => Hooks.BeforeIdleWait;

        public static void Invoke(Instrument instrument, in IdleWaitEventArgs args) => instrument.BeforeIdleWait(in args);
    }

    /// <summary><see cref="Instrument.ClockJumped"/>.</summary>
    private readonly struct ClockJumpedHook : IHook<ClockJumpEventArgs>
    {
        public static Hooks Hook => Hooks.ClockJumped;

        public static void Invoke(Instrument instrument, in ClockJumpEventArgs args) => instrument.ClockJumped(in args);
    }

    /// <summary><see cref="Instrument.EscapeDetected"/>.</summary>
    private readonly struct EscapeDetectedHook : IHook<EscapeEventArgs>
    {
        public static Hooks Hook => Hooks.EscapeDetected;

        public static void Invoke(Instrument instrument, in EscapeEventArgs args) => instrument.EscapeDetected(in args);
    }
}
