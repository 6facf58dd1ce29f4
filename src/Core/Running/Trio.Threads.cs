using System.Runtime.CompilerServices;

namespace TrioTest;

/// <summary>Work on other threads, counted as external work so the virtual clock waits for it.</summary>
public static partial class Trio
{
    /// <summary>
    /// Runs blocking <paramref name="work"/> on a thread-pool thread and waits for it (Trio's <c>to_thread.run_sync</c>).
    /// The loop counts it as external work: the virtual clock does not autojump while it runs, and it is not a deadlock.
    /// Cancellation does not abandon the work; it receives the caller's scope token to stop early.
    /// </summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="work">The work; it must not call TrioTest primitives (it is off the loop).</param>
    /// <param name="name">A name for the work in traces and reports.</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    /// <returns>What the work returned; its exception is rethrown as itself.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="work"/> is null.</exception>
    /// <exception cref="InvalidOperationException">Not inside a run, or not on its loop thread.</exception>
    /// <exception cref="Cancelled">The scope was already cancelled when the call was made.</exception>
    [AsyncMethodBuilder(typeof(LoopTaskMethodBuilder<>))]
    public static async Task<T> ToThreadAsync<T>(Func<CancellationToken, T> work, string? name = null, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(work);
        Runner runner = Runner.GetCurrent("Trio.ToThreadAsync");
        await runner.CheckpointAsync(CheckpointKind.IfCancelled, name, filePath, line);
        CancellationToken token = runner.CurrentAmbient().Scope.Token;
        Waiter waiter = runner.ParkUnabortable(WaitDescription.Of($"work on another thread ({name ?? TaskNames.Of(work)})"), name, filePath, line);
        long sequence = runner.BeginExternalWork();
        runner.QueueOwnWork(static job => job.Run(), new ThreadJob<T>(runner, sequence, waiter, work, token));
        object? result = await new ValueTask<object?>(waiter, waiter.Version);
        return (T)result!;
    }

    /// <summary>Runs blocking <paramref name="work"/> on a thread-pool thread and waits for it; see <see cref="ToThreadAsync{T}(Func{CancellationToken, T}, string?, string, int)"/>.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="work">The work.</param>
    /// <param name="name">A name for the work in traces and reports.</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    /// <returns>What the work returned.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="work"/> is null.</exception>
    /// <exception cref="InvalidOperationException">Not inside a run, or not on its loop thread.</exception>
    public static Task<T> ToThreadAsync<T>(Func<T> work, string? name = null, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(work);
        return ToThreadAsync(_ => work(), name ?? TaskNames.Of(work), filePath, line);
    }

    /// <summary>Runs blocking <paramref name="work"/> on a thread-pool thread and waits for it; see <see cref="ToThreadAsync{T}(Func{CancellationToken, T}, string?, string, int)"/>.</summary>
    /// <param name="work">The work; it receives the caller's scope token.</param>
    /// <param name="name">A name for the work in traces and reports.</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    /// <returns>A task that completes when the work has finished.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="work"/> is null.</exception>
    /// <exception cref="InvalidOperationException">Not inside a run, or not on its loop thread.</exception>
    public static Task ToThreadAsync(Action<CancellationToken> work, string? name = null, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(work);
        return ToThreadAsync<object?>(token =>
        {
            work(token);
            return null;
        }, name ?? TaskNames.Of(work), filePath, line);
    }

    /// <summary>Runs blocking <paramref name="work"/> on a thread-pool thread and waits for it; see <see cref="ToThreadAsync{T}(Func{CancellationToken, T}, string?, string, int)"/>.</summary>
    /// <param name="work">The work.</param>
    /// <param name="name">A name for the work in traces and reports.</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    /// <returns>A task that completes when the work has finished.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="work"/> is null.</exception>
    /// <exception cref="InvalidOperationException">Not inside a run, or not on its loop thread.</exception>
    public static Task ToThreadAsync(Action work, string? name = null, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(work);
        return ToThreadAsync<object?>(_ =>
        {
            work();
            return null;
        }, name ?? TaskNames.Of(work), filePath, line);
    }

    /// <summary>One piece of work on the thread pool, reporting back to the loop when done.</summary>
    private sealed class ThreadJob<T>(Runner runner, long sequence, Waiter waiter, Func<CancellationToken, T> work, CancellationToken token)
    {
        /// <summary>Runs the work on the pool thread and posts its outcome to the loop.</summary>
        public void Run()
        {
            object? result = null;
            Exception? error = null;
            try
            {
                result = work(token);
            }
            catch (Exception e)
            {
                error = e;
            }

            runner.EndExternalWork(sequence, () => waiter.Wake(result, error));
        }
    }
}
