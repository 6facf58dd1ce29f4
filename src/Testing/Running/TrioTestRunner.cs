namespace TrioTest.Testing;

/// <summary>
/// The harness: runs a test body on TrioTest's loop under a virtual clock that autojumps, once or across many
/// seeded schedules, and reports the first failure with the seed that replays it. The xunit and NUnit
/// <c>[AsyncTest]</c> attributes call this; call it yourself from any framework.
/// </summary>
/// <remarks>
/// <para>Seeds, in order of preference: <see cref="TrioTestOptions.Seed"/>, then <c>TRIOTEST_SEED</c> (each runs that
/// one schedule), then the seeds recorded for the test in the regression file (replayed first), then
/// <see cref="TrioTestOptions.Iterations"/> schedules whose seeds derive from a fresh random base seed. Schedule k's
/// seed alone replays it: a schedule depends only on its seed and the body.</para>
/// <para><see cref="ExplorationStrategy.Pct"/> sizes its change points to the body: one FIFO run (the same for every
/// seed) counts the body's steps first.</para>
/// </remarks>
/// <example>
/// <code>
/// TrioTestResult result = TrioTestRunner.Run(async context =>
/// {
///     var bank = new Bank(total: 100);
///     await Nursery.RunAsync(async nursery =>
///     {
///         nursery.StartSoon(() => bank.TransferAsync("a", "b", 10), "a->b");
///         nursery.StartSoon(() => bank.TransferAsync("b", "a", 5), "b->a");
///     });
///     if (bank.Total != 100) throw new InvalidOperationException("money was lost");
/// }, new TrioTestOptions { Iterations = 1000, TestName = "Bank.Transfers" });
/// result.ThrowIfFailed();   // the message is the report, with the seed to replay
/// </code>
/// </example>
public static class TrioTestRunner
{
    /// <summary>Runs <paramref name="body"/> on the calling thread across the schedules <paramref name="options"/> asks for, and stops at the first failure.</summary>
    /// <param name="body">The test body; it receives the schedule's context.</param>
    /// <param name="options">How to run; the defaults run one random schedule.</param>
    /// <param name="cancellationToken">Stops the exploration: the current schedule is cancelled at its next checkpoint, and the call throws.</param>
    /// <returns>The result: passed, or the failing schedule's seed, trace, report and exception.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="TrioTestConfigurationException">A setting is invalid: a malformed <c>TRIOTEST_SEED</c> or <c>TRIOTEST_ITERATIONS</c>, or an unreadable regression file.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="InvalidOperationException">Called inside a TrioTest run (runs cannot nest).</exception>
    public static TrioTestResult Run(Func<TrioTestContext, Task> body, TrioTestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var exploration = new Exploration(body, options ?? new TrioTestOptions(), abandon: null, cancellationToken);
        return exploration.Run();
    }

    /// <summary>Runs a body that needs no context; see <see cref="Run(Func{TrioTestContext, Task}, TrioTestOptions?, CancellationToken)"/>.</summary>
    /// <param name="body">The test body.</param>
    /// <param name="options">How to run.</param>
    /// <param name="cancellationToken">Stops the exploration.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="TrioTestConfigurationException">A setting is invalid.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="InvalidOperationException">Called inside a TrioTest run.</exception>
    public static TrioTestResult Run(Func<Task> body, TrioTestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Run(_ => body(), options, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="body"/> on a thread-pool thread, so the caller can await it. If the real-time watchdog fires and
    /// the body still does not stop (a loop that never reaches a checkpoint), the returned task fails the test after a grace
    /// period and abandons the thread, instead of hanging the test run.
    /// </summary>
    /// <param name="body">The test body; it receives the schedule's context.</param>
    /// <param name="options">How to run.</param>
    /// <param name="cancellationToken">Stops the exploration.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    public static Task<TrioTestResult> RunAsync(Func<TrioTestContext, Task> body, TrioTestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var completion = new TaskCompletionSource<TrioTestResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        options ??= new TrioTestOptions();

        // A pool thread, not a new one: a test run starts thousands of these, and a thread costs more than a short test.
        // A body that never reaches a checkpoint keeps its pool thread after being abandoned; the pool grows around it.
        // The caller's ExecutionContext flows, so framework state kept in AsyncLocals (NUnit's TestContext) is there.
        ThreadPool.QueueUserWorkItem(
            static state =>
            {
                (Func<TrioTestContext, Task> body, TrioTestOptions options, TaskCompletionSource<TrioTestResult> completion, CancellationToken token) = state;
                try
                {
                    using var exploration = new Exploration(body, options, abandon: result => completion.TrySetResult(result), token);
                    completion.TrySetResult(exploration.Run());
                }
                catch (Exception e)
                {
                    completion.TrySetException(e);
                }
            },
            (body, options, completion, cancellationToken),
            preferLocal: false);
        return completion.Task;
    }
}
