using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace TrioTest.Testing.Rewriting;

/// <summary>
/// What <c>TrioTest.Rewriting</c> puts in place of the calls that leave the loop: <c>ConfigureAwait(false)</c>,
/// <c>Task.Run</c>, <c>Task.Factory.StartNew</c>, <c>ThreadPool.QueueUserWorkItem</c> and <c>CancelAsync</c>. Each one
/// does exactly what the call it replaces does, unless it runs inside a run on its loop thread: there it keeps the work
/// on the loop. Not for direct use: the rewriter calls these.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RewrittenTasks
{
    /// <summary>Replaces <see cref="Task.ConfigureAwait(bool)"/>: inside a run, the continuation stays on the loop.</summary>
    /// <param name="task">The awaited task.</param>
    /// <param name="continueOnCapturedContext">The caller's choice, kept outside a run.</param>
    /// <returns>The configured awaitable.</returns>
    public static ConfiguredTaskAwaitable ConfigureAwait(Task task, bool continueOnCapturedContext) =>
        task.ConfigureAwait(continueOnCapturedContext || Trio.IsInRun);

    /// <summary>Replaces <see cref="Task.ConfigureAwait(ConfigureAwaitOptions)"/>: inside a run, the continuation stays on the loop.</summary>
    /// <param name="task">The awaited task.</param>
    /// <param name="options">The caller's options; inside a run <see cref="ConfigureAwaitOptions.ContinueOnCapturedContext"/> is added.</param>
    /// <returns>The configured awaitable.</returns>
    public static ConfiguredTaskAwaitable ConfigureAwait(Task task, ConfigureAwaitOptions options) =>
        task.ConfigureAwait(Trio.IsInRun ? options | ConfigureAwaitOptions.ContinueOnCapturedContext : options);

    /// <summary>Replaces <see cref="Task{TResult}.ConfigureAwait(bool)"/>.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="task">The awaited task.</param>
    /// <param name="continueOnCapturedContext">The caller's choice, kept outside a run.</param>
    /// <returns>The configured awaitable.</returns>
    public static ConfiguredTaskAwaitable<T> ConfigureAwait<T>(Task<T> task, bool continueOnCapturedContext) =>
        task.ConfigureAwait(continueOnCapturedContext || Trio.IsInRun);

    /// <summary>Replaces <see cref="Task{TResult}.ConfigureAwait(ConfigureAwaitOptions)"/>.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="task">The awaited task.</param>
    /// <param name="options">The caller's options; inside a run <see cref="ConfigureAwaitOptions.ContinueOnCapturedContext"/> is added.</param>
    /// <returns>The configured awaitable.</returns>
    public static ConfiguredTaskAwaitable<T> ConfigureAwait<T>(Task<T> task, ConfigureAwaitOptions options) =>
        task.ConfigureAwait(Trio.IsInRun ? options | ConfigureAwaitOptions.ContinueOnCapturedContext : options);

    /// <summary>Replaces <see cref="ValueTask.ConfigureAwait(bool)"/> (called on the value in place).</summary>
    /// <param name="task">The awaited value task.</param>
    /// <param name="continueOnCapturedContext">The caller's choice, kept outside a run.</param>
    /// <returns>The configured awaitable.</returns>
    public static ConfiguredValueTaskAwaitable ConfigureAwait(ref ValueTask task, bool continueOnCapturedContext) =>
        task.ConfigureAwait(continueOnCapturedContext || Trio.IsInRun);

    /// <summary>Replaces <see cref="ValueTask{TResult}.ConfigureAwait(bool)"/> (called on the value in place).</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="task">The awaited value task.</param>
    /// <param name="continueOnCapturedContext">The caller's choice, kept outside a run.</param>
    /// <returns>The configured awaitable.</returns>
    public static ConfiguredValueTaskAwaitable<T> ConfigureAwait<T>(ref ValueTask<T> task, bool continueOnCapturedContext) =>
        task.ConfigureAwait(continueOnCapturedContext || Trio.IsInRun);

    /// <summary>Replaces <see cref="TaskAsyncEnumerableExtensions.ConfigureAwait{T}(IAsyncEnumerable{T}, bool)"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="source">The sequence.</param>
    /// <param name="continueOnCapturedContext">The caller's choice, kept outside a run.</param>
    /// <returns>The configured sequence.</returns>
    public static ConfiguredCancelableAsyncEnumerable<T> ConfigureAwait<T>(IAsyncEnumerable<T> source, bool continueOnCapturedContext) =>
        TaskAsyncEnumerableExtensions.ConfigureAwait(source, continueOnCapturedContext || Trio.IsInRun);

    /// <summary>Replaces <see cref="TaskAsyncEnumerableExtensions.ConfigureAwait(IAsyncDisposable, bool)"/>.</summary>
    /// <param name="source">The disposable.</param>
    /// <param name="continueOnCapturedContext">The caller's choice, kept outside a run.</param>
    /// <returns>The configured disposable.</returns>
    public static ConfiguredAsyncDisposable ConfigureAwait(IAsyncDisposable source, bool continueOnCapturedContext) =>
        TaskAsyncEnumerableExtensions.ConfigureAwait(source, continueOnCapturedContext || Trio.IsInRun);

    /// <summary>Replaces <see cref="Task.Run(Action)"/>: inside a test, a loop task in the test's background nursery.</summary>
    /// <param name="action">The work.</param>
    /// <returns>A task that completes with the work.</returns>
    public static Task Run(Action action) => Run(action, CancellationToken.None);

    /// <summary>Replaces <see cref="Task.Run(Action, CancellationToken)"/>.</summary>
    /// <param name="action">The work.</param>
    /// <param name="cancellationToken">Cancels the work before it starts.</param>
    /// <returns>A task that completes with the work.</returns>
    public static Task Run(Action action, CancellationToken cancellationToken) =>
        Background() is { } background
            ? StartOnLoop(background, () => { action(); return Task.FromResult<object?>(null); }, TaskNameOf(action), cancellationToken)
            : Task.Run(action, cancellationToken);

    /// <summary>Replaces <see cref="Task.Run(Func{Task})"/>.</summary>
    /// <param name="function">The work.</param>
    /// <returns>A task that completes with the work.</returns>
    public static Task Run(Func<Task> function) => Run(function, CancellationToken.None);

    /// <summary>Replaces <see cref="Task.Run(Func{Task}, CancellationToken)"/>.</summary>
    /// <param name="function">The work.</param>
    /// <param name="cancellationToken">Cancels the work before it starts.</param>
    /// <returns>A task that completes with the work.</returns>
    public static Task Run(Func<Task> function, CancellationToken cancellationToken) =>
        Background() is { } background
            ? StartOnLoop(background, async () => { await function(); return (object?)null; }, TaskNameOf(function), cancellationToken)
            : Task.Run(function, cancellationToken);

    /// <summary>Replaces <see cref="Task.Run{TResult}(Func{TResult})"/>.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="function">The work.</param>
    /// <returns>A task that completes with the work's result.</returns>
    public static Task<T> Run<T>(Func<T> function) => Run(function, CancellationToken.None);

    /// <summary>Replaces <see cref="Task.Run{TResult}(Func{TResult}, CancellationToken)"/>.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="function">The work.</param>
    /// <param name="cancellationToken">Cancels the work before it starts.</param>
    /// <returns>A task that completes with the work's result.</returns>
    public static Task<T> Run<T>(Func<T> function, CancellationToken cancellationToken) =>
        Background() is { } background
            ? StartOnLoop(background, () => Task.FromResult(function()), TaskNameOf(function), cancellationToken)
            : Task.Run(function, cancellationToken);

    /// <summary>Replaces <see cref="Task.Run{TResult}(Func{Task{TResult}})"/>.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="function">The work.</param>
    /// <returns>A task that completes with the work's result.</returns>
    public static Task<T> Run<T>(Func<Task<T>> function) => Run(function, CancellationToken.None);

    /// <summary>Replaces <see cref="Task.Run{TResult}(Func{Task{TResult}}, CancellationToken)"/>.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="function">The work.</param>
    /// <param name="cancellationToken">Cancels the work before it starts.</param>
    /// <returns>A task that completes with the work's result.</returns>
    public static Task<T> Run<T>(Func<Task<T>> function, CancellationToken cancellationToken) =>
        Background() is { } background
            ? StartOnLoop(background, function, TaskNameOf(function), cancellationToken)
            : Task.Run(function, cancellationToken);

    /// <summary>Replaces <see cref="TaskFactory.StartNew(Action)"/>: on the default scheduler inside a test, a loop task.</summary>
    /// <param name="factory">The factory the call was made on.</param>
    /// <param name="action">The work.</param>
    /// <returns>A task that completes with the work.</returns>
    public static Task StartNew(TaskFactory factory, Action action) =>
        IsDefault(factory) ? Run(action, factory.CancellationToken) : factory.StartNew(action);

    /// <summary>Replaces <see cref="TaskFactory.StartNew{TResult}(Func{TResult})"/>.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="factory">The factory the call was made on.</param>
    /// <param name="function">The work.</param>
    /// <returns>A task that completes with the work's result.</returns>
    public static Task<T> StartNew<T>(TaskFactory factory, Func<T> function) =>
        IsDefault(factory) ? Run(function, factory.CancellationToken) : factory.StartNew(function);

    /// <summary>Replaces <see cref="ThreadPool.QueueUserWorkItem(WaitCallback)"/>.</summary>
    /// <param name="callback">The work.</param>
    /// <returns><see langword="true"/>, as the thread pool returns.</returns>
    public static bool QueueUserWorkItem(WaitCallback callback) => QueueUserWorkItem(callback, null);

    /// <summary>Replaces <see cref="ThreadPool.QueueUserWorkItem(WaitCallback, object?)"/>.</summary>
    /// <param name="callback">The work.</param>
    /// <param name="state">Its state.</param>
    /// <returns><see langword="true"/>, as the thread pool returns.</returns>
    public static bool QueueUserWorkItem(WaitCallback callback, object? state)
    {
        if (Background() is not { } background)
        {
            return ThreadPool.QueueUserWorkItem(callback, state);
        }

        background.StartSoon(() =>
        {
            callback(state);
            return Task.CompletedTask;
        }, TaskNameOf(callback));
        return true;
    }

    /// <summary>Replaces <see cref="CancellationTokenSource.CancelAsync"/>: inside a run, cancels now, on the loop.</summary>
    /// <param name="source">The source.</param>
    /// <returns>A completed task, or the real one outside a run.</returns>
    public static Task CancelAsync(CancellationTokenSource source)
    {
        if (!Trio.IsInRun)
        {
            return source.CancelAsync();
        }

        source.Cancel();
        return Task.CompletedTask;
    }

    /// <summary>The test's background nursery, when the caller is on a test's loop; otherwise <see langword="null"/>.</summary>
    private static Nursery? Background() =>
        Trio.IsInRun && TrioTestContext.CurrentOrNull is { } context ? context.Background : null;

    /// <summary>Whether a factory schedules on the default scheduler, as <c>Task.Factory</c> does.</summary>
    private static bool IsDefault(TaskFactory factory) => factory.Scheduler is null || factory.Scheduler == TaskScheduler.Default;

    /// <summary>Names a loop task after its delegate, as <c>StartSoon</c> does.</summary>
    private static string TaskNameOf(Delegate work) => work.Method.Name;

    /// <summary>Starts <paramref name="work"/> as a loop task and returns a task for its outcome.</summary>
    private static Task<T> StartOnLoop<T>(Nursery background, Func<Task<T>> work, string name, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        // Continuations of the outcome run inline in the task that completes it, as Task.Run's do on the pool.
        var outcome = new TaskCompletionSource<T>();
        background.StartSoon(async () =>
        {
            try
            {
                outcome.SetResult(await work());
            }
            catch (OperationCanceledException e)
            {
                outcome.SetCanceled(e.CancellationToken);
            }
            catch (Exception e)
            {
                outcome.SetException(e);
            }
        }, name);
        return outcome.Task;
    }
}
