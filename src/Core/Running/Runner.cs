using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace TrioTest;

/// <summary>
/// One run: the loop, its tasks, its timers and its clock. Created by <see cref="Trio.Run(Func{Task}, RunOptions?)"/>
/// and driven on the calling thread until <c>main</c> is done. The facets live in partial files:
/// <c>Runner.Loop.cs</c> (the loop and its steps), <c>Runner.Timers.cs</c>, <c>Runner.Inbox.cs</c> (other threads),
/// <c>Runner.Tasks.cs</c>, <c>Runner.Waits.cs</c> (checkpoints, sleeps, idle waiters) and <c>Runner.Deadlock.cs</c>.
/// </summary>
[DebuggerDisplay("Runner({_stepsRun} steps, {_livingCount} tasks, time {Clock.Now})")]
internal sealed partial class Runner
{
    /// <summary>The run whose loop is on this thread, if any.</summary>
    [ThreadStatic]
    private static Runner? s_current;

    /// <summary>The options the run was started with.</summary>
    private readonly RunOptions _options;

    /// <summary>The scheduling strategy.</summary>
    private readonly ScheduleStrategy _strategy;

    /// <summary>The seeded generator given to the strategy.</summary>
    private readonly DeterministicRandom _random;

    /// <summary>The clock as a virtual clock, when it is one (autojump needs it).</summary>
    private readonly VirtualClock? _virtualClock;

    /// <summary>Whether "nothing can ever happen again" is reported as a deadlock.</summary>
    private readonly bool _detectDeadlocks;

    /// <summary>
    /// The options that threads other than the loop read, during the run and after it (late work, departures): read once,
    /// when the run is created, so options changed afterwards (the harness reuses one object for every schedule) never
    /// reach a run that has started.
    /// </summary>
    private readonly (EscapePolicy EscapePolicy, TextWriter? Log, string? Name) _fixed;

    /// <summary>The managed id of the loop thread.</summary>
    private int _loopThreadId;

    /// <summary>True while the loop is running on <see cref="_loopThreadId"/>.</summary>
    private volatile bool _running;

    /// <summary>True once the run has ended; later posts go to the thread pool.</summary>
    private volatile bool _closed;

    /// <summary>The first error that ends the run (a deadlock, a throwing step, a time limit, a strict escape).</summary>
    private ExceptionDispatchInfo? _fatal;

    internal Runner(RunOptions options)
    {
        _options = options;
        Clock = options.Clock ?? new SystemClock();
        _virtualClock = Clock as VirtualClock;
        _strategy = options.Strategy ?? ScheduleStrategy.Fifo;
        _random = new DeterministicRandom(options.Seed.Value);
        _detectDeadlocks = options.DetectDeadlocks ?? Clock.IsVirtual;
        _watchDepartures = options.WatchDepartures ?? Clock.IsVirtual;
        _stepLimit = options.StepLimit;
        _fixed = (options.EscapePolicy, options.Log, options.Name);
        Instruments = new InstrumentSet(this, options.Instruments, options.Log);
        TimeProvider = new LoopTimeProvider(this);
        TaskScheduler = new LoopTaskScheduler(this);
    }

    /// <summary>Gets the run's clock.</summary>
    internal Clock Clock { get; }

    /// <summary>Gets the run's <see cref="System.TimeProvider"/>, backed by <see cref="Clock"/> and the loop's timer heap.</summary>
    internal LoopTimeProvider TimeProvider { get; }

    /// <summary>Gets the run's <see cref="System.Threading.Tasks.TaskScheduler"/>.</summary>
    internal LoopTaskScheduler TaskScheduler { get; }

    /// <summary>Gets the run's instruments.</summary>
    internal InstrumentSet Instruments { get; }

    /// <summary>Gets the options the run was started with; read them on the loop thread while it runs (see <see cref="_fixed"/>).</summary>
    internal RunOptions Options => _options;

    /// <summary>Gets the run's escape policy, as it was when the run was created. Any thread.</summary>
    internal EscapePolicy EscapePolicy => _fixed.EscapePolicy;

    /// <summary>Gets the managed id of the thread that runs (or ran) the loop.</summary>
    internal int LoopThreadId => _loopThreadId;

    /// <summary>Gets a value indicating whether the loop is running.</summary>
    internal bool IsRunning => _running;

    /// <summary>Gets a value indicating whether the caller is on this run's loop thread while it runs.</summary>
    internal bool IsLoopThread => _running && Environment.CurrentManagedThreadId == _loopThreadId;

    /// <summary>Gets the run on this thread, or <see langword="null"/>.</summary>
    internal static Runner? CurrentOrNull => s_current;

    /// <summary>
    /// Gets the run the calling flow belongs to: the run of the task whose ambient value flowed here (also on a thread
    /// the flow went to, and after the run), or else the run whose loop is on this thread; otherwise, <see langword="null"/>.
    /// </summary>
    internal static Runner? OfCurrentFlow => Ambient.Current is { } ambient ? ambient.Task.Runner : s_current is { IsLoopThread: true } runner ? runner : null;

    /// <summary>
    /// Gets or sets what the code hosting the run attaches to it (the harness: the schedule's test context), found
    /// through <see cref="OfCurrentFlow"/>. Core never reads it: one slot here instead of an async-local of the host's
    /// own, which every task's execution context would carry and copy.
    /// </summary>
    internal object? HostState { get; set; }

    /// <summary>Gets the run on this thread, or throws a message that says what went wrong and what to do.</summary>
    /// <param name="api">The API being called, for the message.</param>
    /// <returns>The current run.</returns>
    /// <exception cref="InvalidOperationException">There is no run on this thread.</exception>
    internal static Runner GetCurrent(string api)
    {
        Runner? runner = s_current;
        if (runner is not null && runner._running)
        {
            return runner;
        }

        throw ThrowHelper.NotOnLoop(api, Ambient.Current is not null);
    }

    /// <summary>Gets the current task's path if called inside a run, for messages; otherwise, <see langword="null"/>.</summary>
    internal static string? TryGetCurrentTaskPath()
    {
        Runner? runner = s_current;
        return runner is { _running: true } ? runner.CurrentTaskOrNull()?.Path : null;
    }

    /// <summary>Throws unless the caller is on this run's loop thread.</summary>
    /// <param name="api">The API being called, for the message.</param>
    /// <exception cref="InvalidOperationException">The caller is on another thread, or the run has ended.</exception>
    internal void ThrowIfNotLoopThread(string api)
    {
        if (!IsLoopThread)
        {
            throw ThrowHelper.NotOnLoop(api, insideRun: !_closed);
        }
    }

    /// <summary>Gets the ambient task and scope of the calling flow.</summary>
    /// <returns>The ambient value.</returns>
    /// <exception cref="InvalidOperationException">The code runs on the loop but outside any task (a timer callback that suppressed context flow).</exception>
    internal Ambient CurrentAmbient()
    {
        if (Ambient.Current is { } ambient && ambient.Task.Runner == this)
        {
            return ambient;
        }

        if (_currentTask is { } task)
        {
            return new Ambient(task, task.InitialScope);
        }

        throw new InvalidOperationException(
            "This code runs on the TrioTest loop but outside any task (a timer callback with execution-context flow suppressed?). Start the work from a task: Nursery.StartSoon or Trio.Run.");
    }

    /// <summary>Gets the current task, if there is one.</summary>
    internal TrioTask? CurrentTaskOrNull() =>
        Ambient.Current is { } ambient && ambient.Task.Runner == this ? ambient.Task : _currentTask;

    /// <summary>Gets a value indicating whether an error has ended the run (the loop stops at its next check).</summary>
    internal bool HasFailed => _fatal is not null;

    /// <summary>Records the first error that ends the run; the loop stops at its next check.</summary>
    /// <param name="error">The error.</param>
    internal void Fail(Exception error) => _fatal ??= ExceptionDispatchInfo.Capture(error);

    /// <summary>Runs <paramref name="action"/> with no synchronization context current, then restores the step's context.</summary>
    /// <remarks>Completing work with no context current lets <c>ConfigureAwait(false)</c> continuations run inline, on the loop thread, instead of going to the thread pool.</remarks>
    internal void RunWithoutContext<TState>(TState state, Action<TState> action)
    {
        SynchronizationContext? saved = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            action(state);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(saved);
        }
    }
}
