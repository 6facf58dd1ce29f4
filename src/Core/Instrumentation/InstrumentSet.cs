using System.Reflection;

namespace TrioTest;

/// <summary>The run's instruments and the dispatch of each hook, with Trio's rule: a throwing instrument is removed and reported, the run goes on.</summary>
internal sealed partial class InstrumentSet
{
    /// <summary>The run.</summary>
    private readonly Runner _runner;

    /// <summary>Where failures are reported.</summary>
    private readonly TextWriter? _log;

    /// <summary>
    /// The installed instruments in installation order, each with the hooks its type overrides: a hook is dispatched only
    /// to those that override it, so an instrument that only wants the run's start and end costs nothing per step, and a
    /// trace recorder does not pay for building the arguments (and reading the clock) of hooks it ignores.
    /// </summary>
    private Installed[] _installed = [];

    internal InstrumentSet(Runner runner, IList<Instrument> instruments, TextWriter? log)
    {
        _runner = runner;
        _log = log;

        // By index, into one array: the harness creates a run (and so an instrument set) for every schedule, and a boxed
        // enumerator and an array per instrument added would be paid each time.
        if (instruments.Count == 0)
        {
            return;
        }

        var installed = new Installed[instruments.Count];
        int count = 0;
        for (int i = 0; i < instruments.Count; i++)
        {
            Instrument instrument = instruments[i];
            ArgumentNullException.ThrowIfNull(instrument);
            if (IndexOf(installed.AsSpan(0, count), instrument) < 0)
            {
                installed[count++] = new Installed(instrument, HooksOf(instrument));
            }
        }

        SetInstalled(count == installed.Length ? installed : installed[..count]);
    }

    /// <summary>The hooks some installed instrument overrides: a hook no instrument overrides is not dispatched at all.</summary>
    private Hooks _wanted;

    /// <summary>Gets a value indicating whether any instrument is installed (the hot path checks this first).</summary>
    public bool IsActive => _installed.Length != 0;

    /// <summary>Installs <paramref name="instrument"/>; installing it twice does nothing.</summary>
    public void Add(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        if (IndexOf(_installed, instrument) < 0)
        {
            SetInstalled([.. _installed, new Installed(instrument, HooksOf(instrument))]);
        }
    }

    /// <summary>Removes <paramref name="instrument"/>.</summary>
    /// <returns><see langword="true"/> if it was installed.</returns>
    public bool Remove(Instrument instrument)
    {
        int index = IndexOf(_installed, instrument);
        if (index < 0)
        {
            return false;
        }

        // A new array, never an edit: a dispatch under way goes on over the list it started with.
        SetInstalled([.. _installed.AsSpan(0, index), .. _installed.AsSpan(index + 1)]);
        return true;
    }

    /// <summary>The type looked up last and its hooks: the harness installs the same recorder type in every schedule.</summary>
    private static TypeHooks? s_lastLookedUp;

    /// <summary>Gets the hooks <paramref name="instrument"/>'s type overrides.</summary>
    private static Hooks HooksOf(Instrument instrument)
    {
        Type type = instrument.GetType();
        if (s_lastLookedUp is { } last && last.Type == type)
        {
            return last.Hooks;
        }

        Hooks hooks = s_hooksByType.GetOrAdd(type, static type => Overridden(type));
        s_lastLookedUp = new TypeHooks(type, hooks);
        return hooks;
    }

    /// <summary>A type and its hooks, swapped in one reference write so readers on other threads see a matching pair.</summary>
    private sealed record TypeHooks(Type Type, Hooks Hooks);

    /// <summary>Gets the index of <paramref name="instrument"/> in <paramref name="installed"/>, or -1.</summary>
    private static int IndexOf(ReadOnlySpan<Installed> installed, Instrument instrument)
    {
        for (int i = 0; i < installed.Length; i++)
        {
            if (ReferenceEquals(installed[i].Instrument, instrument))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Replaces the installed list and recomputes which hooks are wanted.</summary>
    private void SetInstalled(Installed[] installed)
    {
        Hooks wanted = Hooks.None;
        foreach (Installed entry in installed)
        {
            wanted |= entry.Hooks;
        }

        _installed = installed;
        _wanted = wanted;
    }

    /// <summary>The hooks each instrument type overrides, found by reflection once per type (the harness installs instruments in every schedule).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Hooks> s_hooksByType = new();

    /// <summary>Gets the hooks <paramref name="type"/> overrides: every virtual method of <see cref="Instrument"/> is one.</summary>
    private static Hooks Overridden(Type type)
    {
        Hooks hooks = Hooks.None;
        foreach (MethodInfo hook in typeof(Instrument).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            if (!hook.IsVirtual)
            {
                continue;
            }

            Type[] parameters = Array.ConvertAll(hook.GetParameters(), parameter => parameter.ParameterType);
            if (type.GetMethod(hook.Name, BindingFlags.Public | BindingFlags.Instance, parameters)?.DeclaringType != typeof(Instrument))
            {
                hooks |= Enum.Parse<Hooks>(hook.Name);
            }
        }

        return hooks;
    }

    /// <summary>The hooks of <see cref="Instrument"/>, one bit each, named as the hook.</summary>
    [Flags]
    private enum Hooks
    {
        None = 0,
        BeforeRun = 1 << 0,
        AfterRun = 1 << 1,
        TaskSpawned = 1 << 2,
        TaskScheduled = 1 << 3,
        BeforeTaskStep = 1 << 4,
        AfterTaskStep = 1 << 5,
        TaskExited = 1 << 6,
        Checkpoint = 1 << 7,
        Note = 1 << 8,
        CancelDelivered = 1 << 9,
        TaskUnparked = 1 << 10,
        BeforeIdleWait = 1 << 11,
        ClockJumped = 1 << 12,
        EscapeDetected = 1 << 13,
    }

    /// <summary>Gets a value indicating whether some instrument overrides <paramref name="hook"/>.</summary>
    private bool Wants(Hooks hook) => (_wanted & hook) != 0;

    public void OnBeforeRun()
    {
        if (Wants(Hooks.BeforeRun))
        {
            Dispatch<RunEventArgs, BeforeRunHook>(RunArgs(), onLoop: true);
        }
    }

    public void OnAfterRun()
    {
        if (Wants(Hooks.AfterRun))
        {
            Dispatch<RunEventArgs, AfterRunHook>(RunArgs(), onLoop: true);
        }
    }

    public void OnTaskSpawned(TrioTask task)
    {
        if (Wants(Hooks.TaskSpawned))
        {
            Dispatch<TaskEventArgs, TaskSpawnedHook>(TaskArgs(task), onLoop: true);
        }
    }

    public void OnTaskScheduled(TrioTask task)
    {
        if (Wants(Hooks.TaskScheduled))
        {
            Dispatch<TaskEventArgs, TaskScheduledHook>(TaskArgs(task), onLoop: true);
        }
    }

    public void OnBeforeTaskStep(TrioTask task)
    {
        if (Wants(Hooks.BeforeTaskStep))
        {
            Dispatch<TaskEventArgs, BeforeTaskStepHook>(TaskArgs(task), onLoop: true);
        }
    }

    public void OnAfterTaskStep(TrioTask task)
    {
        if (Wants(Hooks.AfterTaskStep))
        {
            Dispatch<TaskEventArgs, AfterTaskStepHook>(TaskArgs(task), onLoop: true);
        }
    }

    public void OnTaskExited(TrioTask task)
    {
        if (Wants(Hooks.TaskExited))
        {
            Dispatch<TaskEventArgs, TaskExitedHook>(TaskArgs(task), onLoop: true);
        }
    }

    /// <remarks>Every checkpoint found its run with <see cref="Runner.GetCurrent"/>, which only answers on the loop thread.</remarks>
    public void OnCheckpoint(TrioTask task, CheckpointKind kind, string? label, string filePath, int line)
    {
        if (Wants(Hooks.Checkpoint))
        {
            Dispatch<CheckpointEventArgs, CheckpointHook>(new CheckpointEventArgs(task, new CheckpointLocation(kind, label, filePath, line), _runner.EventTime, _runner.StepsRun), onLoop: true);
        }
    }

    public void OnNote(TrioTask task, string text, string filePath, int line)
    {
        if (Wants(Hooks.Note))
        {
            Dispatch<NoteEventArgs, NoteHook>(new NoteEventArgs(task, text, filePath, line, _runner.EventTime, _runner.StepsRun));
        }
    }

    public void OnCancelDelivered(TrioTask task, CancelReason reason)
    {
        if (Wants(Hooks.CancelDelivered))
        {
            Dispatch<CancelEventArgs, CancelDeliveredHook>(new CancelEventArgs(task, reason, _runner.EventTime, _runner.StepsRun));
        }
    }

    public void OnUnparked(TrioTask task, string primitive)
    {
        if (Wants(Hooks.TaskUnparked))
        {
            Dispatch<UnparkEventArgs, TaskUnparkedHook>(new UnparkEventArgs(task, primitive, _runner.EventTime, _runner.StepsRun));
        }
    }

    public void OnBeforeIdleWait(TimeSpan timeout)
    {
        if (Wants(Hooks.BeforeIdleWait))
        {
            Dispatch<IdleWaitEventArgs, BeforeIdleWaitHook>(new IdleWaitEventArgs(timeout, _runner.EventTime));
        }
    }

    public void OnClockJumped(TimeSpan from, TimeSpan to)
    {
        if (Wants(Hooks.ClockJumped))
        {
            Dispatch<ClockJumpEventArgs, ClockJumpedHook>(new ClockJumpEventArgs(from, to));
        }
    }

    public void OnEscape(EscapeInfo escape)
    {
        if (Wants(Hooks.EscapeDetected))
        {
            Dispatch<EscapeEventArgs, EscapeDetectedHook>(new EscapeEventArgs(escape));
        }
    }

    /// <summary>Calls one hook on every instrument that overrides it; removes and reports any that throws.</summary>
    /// <typeparam name="TArgs">The hook's arguments.</typeparam>
    /// <typeparam name="THook">The hook: a struct, so each hook's dispatch is compiled with a direct call to it.</typeparam>
    /// <param name="args">The hook's arguments.</param>
    /// <param name="onLoop">True for the hooks only the loop's own code calls (the run's start and end, a spawn, a step, a checkpoint): the thread is known.</param>
    private void Dispatch<TArgs, THook>(in TArgs args, bool onLoop = false)
        where TArgs : struct
        where THook : struct, IHook<TArgs>
    {
        // Only the loop thread reports: code that left the loop (a departed continuation still running on the thread
        // pool, late work after the run) must not write into a trace that the seed alone should decide. Reading the
        // thread's id costs a thread-local lookup, which the hooks the loop's own code calls skip.
        if (!onLoop && Environment.CurrentManagedThreadId != _runner.LoopThreadId)
        {
            return;
        }

        // Once the run has failed (a strict escape, a deadlock, a time limit), what the rest of the step does may depend
        // on threads that left the loop: the trace ends at the failure, so every run of the seed reports the same one.
        if (_runner.HasFailed && THook.Hook != Hooks.AfterRun)
        {
            return;
        }

        // The list as it is now (Trio's rule): an instrument added by a hook hears from the next event on.
        foreach (Installed entry in _installed)
        {
            if ((entry.Hooks & THook.Hook) == 0)
            {
                continue;
            }

            try
            {
                THook.Invoke(entry.Instrument, in args);
            }
            catch (Exception e)
            {
                Remove(entry.Instrument);
                (_log ?? Console.Error).WriteLine(
                    $"TrioTest: exception raised when calling {THook.Hook} on instrument {entry.Instrument}. Instrument has been disabled.{Environment.NewLine}{e}");
            }
        }
    }

    private RunEventArgs RunArgs() => new(_runner.Options.Seed, _runner.Clock, _runner.StepsRun);

    private TaskEventArgs TaskArgs(TrioTask task) => new(task, _runner.EventTime, _runner.StepsRun);

    /// <summary>An installed instrument and the hooks its type overrides.</summary>
    private readonly record struct Installed(Instrument Instrument, Hooks Hooks);

}
