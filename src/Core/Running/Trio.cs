namespace TrioTest;

/// <summary>
/// The entry point and the ambient API of TrioTest: <see cref="Run(Func{Task}, RunOptions?)"/> runs async code on a
/// single-threaded loop; inside it, the other members reach the current run (its time, checkpoints, sleeps,
/// timeouts, threads). The facets live in partial files: <c>Trio.Checkpoints.cs</c>, <c>Trio.Time.cs</c>,
/// <c>Trio.Timeouts.cs</c> and <c>Trio.Threads.cs</c>.
/// </summary>
/// <example>
/// <code>
/// int answer = Trio.Run(async () =>
/// {
///     await Trio.SleepAsync(TimeSpan.FromHours(1));   // instant under a virtual clock
///     return 42;
/// }, new RunOptions { Clock = VirtualClock.CreateAutojumping() });
/// </code>
/// </example>
public static partial class Trio
{
    /// <summary>
    /// Runs <paramref name="main"/> as the <c>main</c> task on a loop on the calling thread, and returns when it and
    /// every task it started are done.
    /// </summary>
    /// <param name="main">The main function.</param>
    /// <param name="options">How to run; the defaults use the system clock and the FIFO order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="main"/> is null.</exception>
    /// <exception cref="InvalidOperationException">A run is already active on this thread (runs cannot nest), or the clock already drove a run.</exception>
    /// <exception cref="DeadlockException">Every task was blocked and nothing could wake any of them.</exception>
    /// <exception cref="VirtualTimeLimitExceededException">An autojump would have passed <see cref="RunOptions.VirtualTimeLimit"/>.</exception>
    /// <exception cref="StepLimitExceededException">The run took <see cref="RunOptions.StepLimit"/> steps and <c>main</c> was not done.</exception>
    /// <exception cref="EscapeException">Code on another thread reached back into the run under <see cref="EscapePolicy.Fail"/>.</exception>
    /// <remarks>Whatever <paramref name="main"/> throws is rethrown as itself, with its stack.</remarks>
    public static void Run(Func<Task> main, RunOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(main);
        new Runner(options ?? new RunOptions()).Run(main);
    }

    /// <summary>Runs <paramref name="main"/> as the <c>main</c> task and returns its result; see <see cref="Run(Func{Task}, RunOptions?)"/>.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="main">The main function.</param>
    /// <param name="options">How to run.</param>
    /// <returns>What <paramref name="main"/> returned.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="main"/> is null.</exception>
    /// <exception cref="InvalidOperationException">A run is already active on this thread, or the clock already drove a run.</exception>
    /// <exception cref="DeadlockException">Every task was blocked and nothing could wake any of them.</exception>
    /// <exception cref="VirtualTimeLimitExceededException">An autojump would have passed <see cref="RunOptions.VirtualTimeLimit"/>.</exception>
    /// <exception cref="StepLimitExceededException">The run took <see cref="RunOptions.StepLimit"/> steps and <c>main</c> was not done.</exception>
    /// <exception cref="EscapeException">Code on another thread reached back into the run under <see cref="EscapePolicy.Fail"/>.</exception>
    public static T Run<T>(Func<Task<T>> main, RunOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(main);
        T result = default!;
        new Runner(options ?? new RunOptions()).Run(async () =>
        {
            result = await (main() ?? throw ThrowHelper.NullTaskFromBody("Trio.Run"));
        });
        return result;
    }

    /// <summary>Gets a value indicating whether the calling code runs on the loop thread of a run.</summary>
    public static bool IsInRun => Runner.CurrentOrNull is { IsLoopThread: true };

    /// <summary>Gets the task the calling code belongs to.</summary>
    /// <exception cref="InvalidOperationException">Not inside a run, or not on its loop thread.</exception>
    public static TrioTask CurrentTask => Runner.GetCurrent("Trio.CurrentTask").CurrentAmbient().Task;

    /// <summary>Gets the run's clock.</summary>
    /// <exception cref="InvalidOperationException">Not inside a run, or not on its loop thread.</exception>
    public static Clock Clock => Runner.GetCurrent("Trio.Clock").Clock;

    /// <summary>Gets the run's clock as the <see cref="TrioTest.VirtualClock"/> it is under the harness, to <see cref="VirtualClock.Jump"/> it or set its <see cref="VirtualClock.Rate"/> and <see cref="VirtualClock.AutojumpThreshold"/>.</summary>
    /// <exception cref="InvalidOperationException">Not inside a run, not on its loop thread, or the run's clock is not virtual.</exception>
    public static VirtualClock VirtualClock => Runner.GetCurrent("Trio.VirtualClock").Clock as VirtualClock
        ?? throw new InvalidOperationException(
            "Trio.VirtualClock: this run uses the system clock. [AsyncTest] and TrioTestRunner always run on a virtual clock; for Trio.Run, pass RunOptions.Clock = new VirtualClock(...) (or VirtualClock.CreateAutojumping()).");

    /// <summary>
    /// Gets the run's clock as a <see cref="System.TimeProvider"/>: pass it to <c>Task.Delay</c>,
    /// <c>CancellationTokenSource</c>, <c>PeriodicTimer</c>, <c>WaitAsync</c> and any API that takes one, so their
    /// timers are the loop's (virtual under the harness).
    /// </summary>
    /// <exception cref="InvalidOperationException">Not inside a run, or not on its loop thread.</exception>
    public static TimeProvider TimeProvider => Runner.GetCurrent("Trio.TimeProvider").TimeProvider;

    /// <summary>Gets the loop's <see cref="System.Threading.Tasks.TaskScheduler"/>: tasks queued to it run as steps of the task that queued them.</summary>
    /// <exception cref="InvalidOperationException">Not inside a run, or not on its loop thread.</exception>
    public static TaskScheduler TaskScheduler => Runner.GetCurrent("Trio.TaskScheduler").TaskScheduler;

    /// <summary>
    /// Gets a token that is cancelled when the calling code's innermost cancel scope becomes effectively cancelled,
    /// to pass to APIs that take a <see cref="System.Threading.CancellationToken"/>. The scope treats an
    /// <see cref="OperationCanceledException"/> for this token like its own <see cref="Cancelled"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">Not inside a run, or not on its loop thread.</exception>
    public static CancellationToken CancellationToken => Runner.GetCurrent("Trio.CancellationToken").CurrentAmbient().Scope.Token;

    /// <summary>Gets the calling code's innermost cancel scope (a nursery's, a timeout's, or the run's root scope).</summary>
    /// <exception cref="InvalidOperationException">Not inside a run, or not on its loop thread.</exception>
    public static CancelScope CurrentCancelScope => Runner.GetCurrent("Trio.CurrentCancelScope").CurrentAmbient().Scope;

    /// <summary>Gets a snapshot of the run's counters (Trio's <c>current_statistics</c>).</summary>
    /// <returns>The statistics.</returns>
    /// <exception cref="InvalidOperationException">Not inside a run, or not on its loop thread.</exception>
    public static RunStatistics GetStatistics()
    {
        Runner runner = Runner.GetCurrent("Trio.GetStatistics");
        TimeSpan now = runner.Clock.Now;
        return new RunStatistics(
            runner.LivingTaskCount,
            runner.ReadyCount,
            runner.StepsRun,
            now,
            runner.PeekNextDeadline() is { } deadline ? deadline - now : null,
            runner.ExternalWork,
            runner.EscapeCount,
            runner.DeparturesInFlight);
    }

    /// <summary>Installs <paramref name="instrument"/> in the current run; installing it twice does nothing.</summary>
    /// <param name="instrument">The instrument.</param>
    /// <exception cref="ArgumentNullException"><paramref name="instrument"/> is null.</exception>
    /// <exception cref="InvalidOperationException">Not inside a run, or not on its loop thread.</exception>
    public static void AddInstrument(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        Runner.GetCurrent("Trio.AddInstrument").Instruments.Add(instrument);
    }

    /// <summary>Removes <paramref name="instrument"/> from the current run.</summary>
    /// <param name="instrument">The instrument.</param>
    /// <returns><see langword="true"/> if it was installed; otherwise, <see langword="false"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="instrument"/> is null.</exception>
    /// <exception cref="InvalidOperationException">Not inside a run, or not on its loop thread.</exception>
    public static bool RemoveInstrument(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return Runner.GetCurrent("Trio.RemoveInstrument").Instruments.Remove(instrument);
    }
}
