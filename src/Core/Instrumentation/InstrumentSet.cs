using System.Reflection;

namespace TrioTest;

/// <summary>The run's instruments and the dispatch of each hook, with Trio's rule: a throwing instrument is removed and reported, the run goes on.</summary>
internal sealed class InstrumentSet
{
    /// <summary>The run.</summary>
    private readonly Runner _runner;

    /// <summary>Where failures are reported.</summary>
    private readonly TextWriter? _log;

    /// <summary>The installed instruments, in installation order.</summary>
    private readonly List<Instrument> _instruments;

    internal InstrumentSet(Runner runner, IEnumerable<Instrument> instruments, TextWriter? log)
    {
        _runner = runner;
        _log = log;
        _instruments = [];
        foreach (Instrument instrument in instruments)
        {
            Add(instrument);
        }
    }

    /// <summary>
    /// Whether any installed instrument overrides <see cref="Instrument.TaskScheduled"/>, <see cref="Instrument.BeforeTaskStep"/>
    /// or <see cref="Instrument.AfterTaskStep"/>: the hooks called on every step. A hook no one overrides is not dispatched,
    /// so a trace recorder does not pay for building the arguments (and reading the clock) of hooks it ignores.
    /// </summary>
    private bool _wantsScheduled, _wantsBeforeStep, _wantsAfterStep;

    /// <summary>Gets a value indicating whether any instrument is installed (the hot path checks this first).</summary>
    public bool IsActive => _instruments.Count != 0;

    /// <summary>Installs <paramref name="instrument"/>; installing it twice does nothing.</summary>
    public void Add(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        if (!_instruments.Contains(instrument))
        {
            _instruments.Add(instrument);
            RefreshHooks();
        }
    }

    /// <summary>Removes <paramref name="instrument"/>.</summary>
    /// <returns><see langword="true"/> if it was installed.</returns>
    public bool Remove(Instrument instrument)
    {
        bool removed = _instruments.Remove(instrument);
        RefreshHooks();
        return removed;
    }

    /// <summary>Recomputes which per-step hooks some installed instrument overrides.</summary>
    private void RefreshHooks()
    {
        StepHooks hooks = StepHooks.None;
        foreach (Instrument instrument in _instruments)
        {
            hooks |= s_hooksByType.GetOrAdd(instrument.GetType(), static type => Overridden(type));
        }

        _wantsScheduled = (hooks & StepHooks.Scheduled) != 0;
        _wantsBeforeStep = (hooks & StepHooks.BeforeStep) != 0;
        _wantsAfterStep = (hooks & StepHooks.AfterStep) != 0;
    }

    /// <summary>The per-step hooks each instrument type overrides, found by reflection once per type (the harness installs instruments in every schedule).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, StepHooks> s_hooksByType = new();

    /// <summary>Gets the per-step hooks <paramref name="type"/> overrides.</summary>
    private static StepHooks Overridden(Type type) =>
        (Overrides(type, nameof(Instrument.TaskScheduled)) ? StepHooks.Scheduled : StepHooks.None)
        | (Overrides(type, nameof(Instrument.BeforeTaskStep)) ? StepHooks.BeforeStep : StepHooks.None)
        | (Overrides(type, nameof(Instrument.AfterTaskStep)) ? StepHooks.AfterStep : StepHooks.None);

    /// <summary>Gets a value indicating whether <paramref name="type"/> overrides the hook named <paramref name="hook"/>.</summary>
    private static bool Overrides(Type type, string hook) =>
        type.GetMethod(hook, BindingFlags.Public | BindingFlags.Instance, [typeof(TaskEventArgs).MakeByRefType()])?.DeclaringType != typeof(Instrument);

    /// <summary>The hooks called on every step.</summary>
    [Flags]
    private enum StepHooks
    {
        None = 0,
        Scheduled = 1,
        BeforeStep = 2,
        AfterStep = 4,
    }

    public void OnBeforeRun() => Dispatch(nameof(Instrument.BeforeRun), RunArgs(), static (i, in a) => i.BeforeRun(in a));

    public void OnAfterRun() => Dispatch(nameof(Instrument.AfterRun), RunArgs(), static (i, in a) => i.AfterRun(in a));

    public void OnTaskSpawned(TrioTask task) => Dispatch(nameof(Instrument.TaskSpawned), TaskArgs(task), static (i, in a) => i.TaskSpawned(in a));

    public void OnTaskScheduled(TrioTask task)
    {
        if (_wantsScheduled)
        {
            Dispatch(nameof(Instrument.TaskScheduled), TaskArgs(task), static (i, in a) => i.TaskScheduled(in a), onLoop: true);
        }
    }

    public void OnBeforeTaskStep(TrioTask task)
    {
        if (_wantsBeforeStep)
        {
            Dispatch(nameof(Instrument.BeforeTaskStep), TaskArgs(task), static (i, in a) => i.BeforeTaskStep(in a), onLoop: true);
        }
    }

    public void OnAfterTaskStep(TrioTask task)
    {
        if (_wantsAfterStep)
        {
            Dispatch(nameof(Instrument.AfterTaskStep), TaskArgs(task), static (i, in a) => i.AfterTaskStep(in a), onLoop: true);
        }
    }

    public void OnTaskExited(TrioTask task) => Dispatch(nameof(Instrument.TaskExited), TaskArgs(task), static (i, in a) => i.TaskExited(in a));

    /// <remarks>Every checkpoint found its run with <see cref="Runner.GetCurrent"/>, which only answers on the loop thread.</remarks>
    public void OnCheckpoint(TrioTask task, CheckpointKind kind, string? label, string filePath, int line) =>
        Dispatch(nameof(Instrument.Checkpoint), new CheckpointEventArgs(task, new CheckpointLocation(kind, label, filePath, line), _runner.EventTime, _runner.StepsRun), static (i, in a) => i.Checkpoint(in a), onLoop: true);

    public void OnNote(TrioTask task, string text, string filePath, int line) =>
        Dispatch(nameof(Instrument.Note), new NoteEventArgs(task, text, filePath, line, _runner.EventTime, _runner.StepsRun), static (i, in a) => i.Note(in a));

    public void OnCancelDelivered(TrioTask task, CancelReason reason)
    {
        if (IsActive)
        {
            Dispatch(nameof(Instrument.CancelDelivered), new CancelEventArgs(task, reason, _runner.EventTime, _runner.StepsRun), static (i, in a) => i.CancelDelivered(in a));
        }
    }

    public void OnUnparked(TrioTask task, string primitive)
    {
        if (IsActive)
        {
            Dispatch(nameof(Instrument.TaskUnparked), new UnparkEventArgs(task, primitive, _runner.EventTime, _runner.StepsRun), static (i, in a) => i.TaskUnparked(in a));
        }
    }

    public void OnBeforeIdleWait(TimeSpan timeout)
    {
        if (IsActive)
        {
            Dispatch(nameof(Instrument.BeforeIdleWait), new IdleWaitEventArgs(timeout, _runner.EventTime), static (i, in a) => i.BeforeIdleWait(in a));
        }
    }

    public void OnClockJumped(TimeSpan from, TimeSpan to) => Dispatch(nameof(Instrument.ClockJumped), new ClockJumpEventArgs(from, to), static (i, in a) => i.ClockJumped(in a));

    public void OnEscape(EscapeInfo escape) => Dispatch(nameof(Instrument.EscapeDetected), new EscapeEventArgs(escape), static (i, in a) => i.EscapeDetected(in a));

    /// <summary>Calls one hook on every instrument; removes and reports any that throws.</summary>
    /// <param name="hook">The hook's name, for the report of a throwing instrument.</param>
    /// <param name="args">The hook's arguments.</param>
    /// <param name="invoke">Calls the hook.</param>
    /// <param name="onLoop">True for the hooks only the loop's own code calls (a step, a checkpoint): the thread is known.</param>
    private void Dispatch<TArgs>(string hook, TArgs args, HookInvoker<TArgs> invoke, bool onLoop = false)
        where TArgs : struct
    {
        // Only the loop thread reports: code that left the loop (a departed continuation still running on the thread
        // pool, late work after the run) must not write into a trace that the seed alone should decide. Reading the
        // thread's id costs a thread-local lookup, which the per-step and per-checkpoint hooks skip.
        if (!onLoop && Environment.CurrentManagedThreadId != _runner.LoopThreadId)
        {
            return;
        }

        // Once the run has failed (a strict escape, a deadlock, a time limit), what the rest of the step does may depend
        // on threads that left the loop: the trace ends at the failure, so every run of the seed reports the same one.
        if (_runner.HasFailed && !ReferenceEquals(hook, nameof(Instrument.AfterRun)))
        {
            return;
        }

        for (int i = 0; i < _instruments.Count; i++)
        {
            Instrument instrument = _instruments[i];
            try
            {
                invoke(instrument, in args);
            }
            catch (Exception e)
            {
                _instruments.RemoveAt(i);
                i--;
                RefreshHooks();
                (_log ?? Console.Error).WriteLine(
                    $"TrioTest: exception raised when calling {hook} on instrument {instrument}. Instrument has been disabled.{Environment.NewLine}{e}");
            }
        }
    }

    private RunEventArgs RunArgs() => new(_runner.Options.Seed, _runner.Clock, _runner.StepsRun);

    private TaskEventArgs TaskArgs(TrioTask task) => new(task, _runner.EventTime, _runner.StepsRun);

    /// <summary>Calls a hook with its arguments by reference.</summary>
    private delegate void HookInvoker<TArgs>(Instrument instrument, in TArgs args);
}
