using System.Runtime.CompilerServices;

namespace TrioTest;

/// <summary>
/// Timeouts: cancel scopes with a deadline, as one call. Each helper takes its body in three forms: a function
/// returning <see cref="Task"/>, one returning <see cref="ValueTask"/> (so <c>Trio.SleepForeverAsync</c> fits), and one
/// that receives the helper's <see cref="CancelScope"/> (Trio's <c>with move_on_after(5) as scope:</c>), to read or move
/// its deadline or cancel it early.
/// </summary>
public static partial class Trio
{
    /// <summary>Runs <paramref name="body"/> and cancels it if it has not finished after <paramref name="timeout"/> (computed on entry).</summary>
    /// <param name="timeout">How long the body may run; zero or more, or <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</param>
    /// <param name="body">The code to run.</param>
    /// <param name="shield">Whether the scope also shields the body from outer cancellations.</param>
    /// <returns><see langword="true"/> if the body finished; <see langword="false"/> if the timeout cancelled it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative and not <see cref="Timeout.InfiniteTimeSpan"/>.</exception>
    /// <exception cref="InvalidOperationException">Not inside a run, or not on its loop thread.</exception>
    [OverloadResolutionPriority(1)]
    public static Task<bool> MoveOnAfterAsync(TimeSpan timeout, Func<Task> body, bool shield = false) =>
        MoveOnAfterAsync(timeout, IgnoreScope(body), shield);

    /// <inheritdoc cref="MoveOnAfterAsync(TimeSpan, Func{Task}, bool)"/>
    public static Task<bool> MoveOnAfterAsync(TimeSpan timeout, Func<ValueTask> body, bool shield = false) =>
        MoveOnAfterAsync(timeout, IgnoreScope(body), shield);

    /// <summary>Runs <paramref name="body"/> with the timeout's scope and cancels it if it has not finished after <paramref name="timeout"/> (computed on entry).</summary>
    /// <param name="timeout">How long the body may run; zero or more, or <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</param>
    /// <param name="body">The code to run; it receives the scope, to read or move its deadline or cancel it.</param>
    /// <param name="shield">Whether the scope also shields the body from outer cancellations.</param>
    /// <returns><see langword="true"/> if the body finished; <see langword="false"/> if the scope's cancellation ended it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative and not <see cref="Timeout.InfiniteTimeSpan"/>.</exception>
    /// <exception cref="InvalidOperationException">Not inside a run, or not on its loop thread.</exception>
    [AsyncMethodBuilder(typeof(LoopTaskMethodBuilder<>))]
    public static async Task<bool> MoveOnAfterAsync(TimeSpan timeout, Func<CancelScope, Task> body, bool shield = false)
    {
        ArgumentNullException.ThrowIfNull(body);
        CancelScope scope = CreateRelativeScope(timeout, shield, "Trio.MoveOnAfterAsync");
        await scope.RunAsync(() => body(scope));
        return !scope.CancelledCaught;
    }

    /// <summary>Runs <paramref name="body"/> and cancels it if it has not finished by <paramref name="deadline"/>.</summary>
    /// <param name="deadline">The deadline on the run's clock; <see cref="Timeout.InfiniteTimeSpan"/> for none.</param>
    /// <param name="body">The code to run.</param>
    /// <param name="shield">Whether the scope also shields the body from outer cancellations.</param>
    /// <returns><see langword="true"/> if the body finished; <see langword="false"/> if the deadline cancelled it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="InvalidOperationException">Not inside a run, or not on its loop thread.</exception>
    [OverloadResolutionPriority(1)]
    public static Task<bool> MoveOnAtAsync(TimeSpan deadline, Func<Task> body, bool shield = false) =>
        MoveOnAtAsync(deadline, IgnoreScope(body), shield);

    /// <inheritdoc cref="MoveOnAtAsync(TimeSpan, Func{Task}, bool)"/>
    public static Task<bool> MoveOnAtAsync(TimeSpan deadline, Func<ValueTask> body, bool shield = false) =>
        MoveOnAtAsync(deadline, IgnoreScope(body), shield);

    /// <summary>Runs <paramref name="body"/> with the deadline's scope and cancels it if it has not finished by <paramref name="deadline"/>.</summary>
    /// <param name="deadline">The deadline on the run's clock; <see cref="Timeout.InfiniteTimeSpan"/> for none.</param>
    /// <param name="body">The code to run; it receives the scope, to read or move its deadline or cancel it.</param>
    /// <param name="shield">Whether the scope also shields the body from outer cancellations.</param>
    /// <returns><see langword="true"/> if the body finished; <see langword="false"/> if the scope's cancellation ended it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="InvalidOperationException">Not inside a run, or not on its loop thread.</exception>
    [AsyncMethodBuilder(typeof(LoopTaskMethodBuilder<>))]
    public static async Task<bool> MoveOnAtAsync(TimeSpan deadline, Func<CancelScope, Task> body, bool shield = false)
    {
        ArgumentNullException.ThrowIfNull(body);
        var scope = new CancelScope { Deadline = deadline, Shield = shield };
        await scope.RunAsync(() => body(scope));
        return !scope.CancelledCaught;
    }

    /// <summary>Runs <paramref name="body"/> and throws <see cref="TooSlowException"/> if it has not finished after <paramref name="timeout"/>.</summary>
    /// <param name="timeout">How long the body may run; zero or more, or <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</param>
    /// <param name="body">The code to run.</param>
    /// <param name="shield">Whether the scope also shields the body from outer cancellations (it still fails at its own deadline).</param>
    /// <returns>A task that completes when the body has finished.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative and not <see cref="Timeout.InfiniteTimeSpan"/>.</exception>
    /// <exception cref="InvalidOperationException">Not inside a run, or not on its loop thread.</exception>
    /// <exception cref="TooSlowException">The timeout cancelled the body.</exception>
    [OverloadResolutionPriority(1)]
    public static Task FailAfterAsync(TimeSpan timeout, Func<Task> body, bool shield = false) =>
        FailAfterAsync(timeout, IgnoreScope(body), shield);

    /// <inheritdoc cref="FailAfterAsync(TimeSpan, Func{Task}, bool)"/>
    public static Task FailAfterAsync(TimeSpan timeout, Func<ValueTask> body, bool shield = false) =>
        FailAfterAsync(timeout, IgnoreScope(body), shield);

    /// <summary>Runs <paramref name="body"/> with the timeout's scope and throws <see cref="TooSlowException"/> if it has not finished after <paramref name="timeout"/>.</summary>
    /// <param name="timeout">How long the body may run; zero or more, or <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</param>
    /// <param name="body">The code to run; it receives the scope, to read or move its deadline.</param>
    /// <param name="shield">Whether the scope also shields the body from outer cancellations (it still fails at its own deadline).</param>
    /// <returns>A task that completes when the body has finished.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative and not <see cref="Timeout.InfiniteTimeSpan"/>.</exception>
    /// <exception cref="InvalidOperationException">Not inside a run, or not on its loop thread.</exception>
    /// <exception cref="TooSlowException">The scope's cancellation ended the body.</exception>
    [AsyncMethodBuilder(typeof(LoopTaskMethodBuilder))]
    public static async Task FailAfterAsync(TimeSpan timeout, Func<CancelScope, Task> body, bool shield = false)
    {
        ArgumentNullException.ThrowIfNull(body);
        CancelScope scope = CreateRelativeScope(timeout, shield, "Trio.FailAfterAsync");
        await scope.RunAsync(() => body(scope));
        ThrowIfTooSlow(scope, $"The operation did not finish within {timeout:c} (Trio.FailAfterAsync).");
    }

    /// <summary>Runs <paramref name="body"/> and returns its result, or throws <see cref="TooSlowException"/> if it has not finished after <paramref name="timeout"/>.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="timeout">How long the body may run; zero or more, or <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</param>
    /// <param name="body">The code to run.</param>
    /// <param name="shield">Whether the scope also shields the body from outer cancellations.</param>
    /// <returns>The body's result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative and not <see cref="Timeout.InfiniteTimeSpan"/>.</exception>
    /// <exception cref="InvalidOperationException">Not inside a run, or not on its loop thread.</exception>
    /// <exception cref="TooSlowException">The timeout cancelled the body.</exception>
    [AsyncMethodBuilder(typeof(LoopTaskMethodBuilder<>))]
    public static async Task<T> FailAfterAsync<T>(TimeSpan timeout, Func<Task<T>> body, bool shield = false)
    {
        ArgumentNullException.ThrowIfNull(body);
        CancelScope scope = CreateRelativeScope(timeout, shield, "Trio.FailAfterAsync");
        T result = default!;
        await scope.RunAsync(async () => result = await (body() ?? throw ThrowHelper.NullTaskFromBody("Trio.FailAfterAsync")));
        ThrowIfTooSlow(scope, $"The operation did not finish within {timeout:c} (Trio.FailAfterAsync).");
        return result;
    }

    /// <summary>Runs <paramref name="body"/> and throws <see cref="TooSlowException"/> if it has not finished by <paramref name="deadline"/>.</summary>
    /// <param name="deadline">The deadline on the run's clock; <see cref="Timeout.InfiniteTimeSpan"/> for none.</param>
    /// <param name="body">The code to run.</param>
    /// <param name="shield">Whether the scope also shields the body from outer cancellations.</param>
    /// <returns>A task that completes when the body has finished.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="InvalidOperationException">Not inside a run, or not on its loop thread.</exception>
    /// <exception cref="TooSlowException">The deadline cancelled the body.</exception>
    [OverloadResolutionPriority(1)]
    public static Task FailAtAsync(TimeSpan deadline, Func<Task> body, bool shield = false) =>
        FailAtAsync(deadline, IgnoreScope(body), shield);

    /// <inheritdoc cref="FailAtAsync(TimeSpan, Func{Task}, bool)"/>
    public static Task FailAtAsync(TimeSpan deadline, Func<ValueTask> body, bool shield = false) =>
        FailAtAsync(deadline, IgnoreScope(body), shield);

    /// <summary>Runs <paramref name="body"/> with the deadline's scope and throws <see cref="TooSlowException"/> if it has not finished by <paramref name="deadline"/>.</summary>
    /// <param name="deadline">The deadline on the run's clock; <see cref="Timeout.InfiniteTimeSpan"/> for none.</param>
    /// <param name="body">The code to run; it receives the scope, to read or move its deadline.</param>
    /// <param name="shield">Whether the scope also shields the body from outer cancellations.</param>
    /// <returns>A task that completes when the body has finished.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="InvalidOperationException">Not inside a run, or not on its loop thread.</exception>
    /// <exception cref="TooSlowException">The scope's cancellation ended the body.</exception>
    [AsyncMethodBuilder(typeof(LoopTaskMethodBuilder))]
    public static async Task FailAtAsync(TimeSpan deadline, Func<CancelScope, Task> body, bool shield = false)
    {
        ArgumentNullException.ThrowIfNull(body);
        var scope = new CancelScope { Deadline = deadline, Shield = shield };
        await scope.RunAsync(() => body(scope));
        ThrowIfTooSlow(scope, $"The operation did not finish by {deadline:c} (Trio.FailAtAsync).");
    }

    /// <summary>Runs <paramref name="body"/> and returns its result, or throws <see cref="TooSlowException"/> if it has not finished by <paramref name="deadline"/>.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="deadline">The deadline on the run's clock; <see cref="Timeout.InfiniteTimeSpan"/> for none.</param>
    /// <param name="body">The code to run.</param>
    /// <param name="shield">Whether the scope also shields the body from outer cancellations.</param>
    /// <returns>The body's result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="InvalidOperationException">Not inside a run, or not on its loop thread.</exception>
    /// <exception cref="TooSlowException">The deadline cancelled the body.</exception>
    [AsyncMethodBuilder(typeof(LoopTaskMethodBuilder<>))]
    public static async Task<T> FailAtAsync<T>(TimeSpan deadline, Func<Task<T>> body, bool shield = false)
    {
        ArgumentNullException.ThrowIfNull(body);
        var scope = new CancelScope { Deadline = deadline, Shield = shield };
        T result = default!;
        await scope.RunAsync(async () => result = await (body() ?? throw ThrowHelper.NullTaskFromBody("Trio.FailAtAsync")));
        ThrowIfTooSlow(scope, $"The operation did not finish by {deadline:c} (Trio.FailAtAsync).");
        return result;
    }

    /// <summary>
    /// Runs <paramref name="body"/> in a scope that <paramref name="cancellationToken"/> cancels, and throws
    /// <see cref="OperationCanceledException"/> for that token if it did: the bridge from .NET cancellation to cancel scopes.
    /// </summary>
    /// <param name="cancellationToken">The token; it may be cancelled from any thread.</param>
    /// <param name="body">The code to run.</param>
    /// <returns>A task that completes when the body has finished.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="InvalidOperationException">Not inside a run, or not on its loop thread.</exception>
    /// <exception cref="OperationCanceledException">The token cancelled the body.</exception>
    [AsyncMethodBuilder(typeof(LoopTaskMethodBuilder))]
    public static async Task RunWithCancellationAsync(CancellationToken cancellationToken, Func<Task> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var scope = new CancelScope();

        // Registered inside the scope, so a cancel from another thread always finds it entered and bound to the loop.
        await scope.RunAsync(async () =>
        {
            using CancellationTokenRegistration registration = cancellationToken.Register(static s => ((CancelScope)s!).Cancel("cancellation token"), scope);
            await (body() ?? throw ThrowHelper.NullTaskFromBody("Trio.RunWithCancellationAsync"));
        });
        if (scope.CancelledCaught && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
    }

    /// <summary>Adapts a body that does not take the scope; checks it for null first, so the error names the caller's argument.</summary>
    private static Func<CancelScope, Task> IgnoreScope(Func<Task> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return _ => body();
    }

    /// <summary>Adapts a <see cref="ValueTask"/> body that does not take the scope.</summary>
    private static Func<CancelScope, Task> IgnoreScope(Func<ValueTask> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return _ => body().AsTask();
    }

    /// <summary>Creates an unentered scope with a relative deadline, validating the timeout.</summary>
    private static CancelScope CreateRelativeScope(TimeSpan timeout, bool shield, string api)
    {
        if (Never.IsInvalidDuration(timeout))
        {
            ThrowHelper.ThrowNegativeDuration(nameof(timeout), timeout, api);
        }

        return new CancelScope { RelativeDeadline = timeout, Shield = shield };
    }

    /// <summary>Throws <see cref="TooSlowException"/> if the scope's deadline cancelled its body.</summary>
    private static void ThrowIfTooSlow(CancelScope scope, string message)
    {
        if (scope.CancelledCaught)
        {
            throw new TooSlowException(message) { Deadline = scope.Deadline };
        }
    }
}
