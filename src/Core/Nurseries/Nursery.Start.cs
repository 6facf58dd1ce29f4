using System.Runtime.CompilerServices;

namespace TrioTest;

/// <summary><see cref="StartAsync{T}(Func{StartStatus{T}, Task}, string?, string, int)"/>: Trio's <c>nursery.start</c>, a child that runs under its caller until it says it has started.</summary>
public sealed partial class Nursery
{
    /// <summary>
    /// Starts <paramref name="function"/> as a child and waits until it calls <see cref="StartStatus{T}.Started"/>:
    /// until then it runs under the caller (the caller's cancellation applies, and an error reaches the caller
    /// unwrapped); then it moves into this nursery and the call returns the value it passed.
    /// </summary>
    /// <typeparam name="T">The type of the value the child reports when it has started.</typeparam>
    /// <param name="function">The child's function; it must call <c>status.Started(value)</c> once it is ready.</param>
    /// <param name="name">The child's name; by default its function's name.</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    /// <returns>The value passed to <see cref="StartStatus{T}.Started"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The nursery is closed, the call is off the loop thread, or the child finished without calling Started.</exception>
    [AsyncMethodBuilder(typeof(LoopTaskMethodBuilder<>))]
    [OverloadResolutionPriority(1)]
    public async Task<T> StartAsync<T>(Func<StartStatus<T>, Task> function, string? name = null, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(function);
        _runner.ThrowIfNotLoopThread("Nursery.StartAsync");
        ThrowIfClosed("StartAsync");
        Ambient caller = _runner.CurrentAmbient();

        // The child gets a scope of its own under the caller's scope; Started moves that scope under the nursery's.
        var childScope = new CancelScope();
        childScope.Enter(_runner, caller.Scope);
        var status = new StartStatus<T>(this, childScope, caller.Scope);
        _pendingStarts++;
        status.Task = _runner.SpawnTask(name ?? TaskNames.Of(function), this, childScope, new StartingChild<T>(this, function, status), function: null);

        Waiter waiter = _runner.ParkUnabortable(WaitDescription.Of($"{status.Task.Path} to call Started"), "start", filePath, line);
        status.Waiter = waiter;
        object? value = await new ValueTask<object?>(waiter, waiter.Version);
        return (T)value!;
    }

    /// <summary>Starts <paramref name="function"/> as a child and waits until it calls <see cref="StartStatus.Started"/>; see <see cref="StartAsync{T}(Func{StartStatus{T}, Task}, string?, string, int)"/>.</summary>
    /// <param name="function">The child's function; it must call <c>status.Started()</c> once it is ready.</param>
    /// <param name="name">The child's name; by default its function's name.</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    /// <returns>A task that completes when the child has started.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The nursery is closed, the call is off the loop thread, or the child finished without calling Started.</exception>
    [OverloadResolutionPriority(1)]
    public Task StartAsync(Func<StartStatus, Task> function, string? name = null, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(function);
        return StartAsync<object?>(status => function(new StartStatus(status)), name ?? TaskNames.Of(function), filePath, line);
    }

    /// <summary>Starts <paramref name="function"/>, which returns a <see cref="ValueTask"/>, and waits until it calls <see cref="StartStatus{T}.Started"/>; see <see cref="StartAsync{T}(Func{StartStatus{T}, Task}, string?, string, int)"/>.</summary>
    /// <typeparam name="T">The type of the value the child reports when it has started.</typeparam>
    /// <param name="function">The child's function; it must call <c>status.Started(value)</c> once it is ready.</param>
    /// <param name="name">The child's name; by default its function's name.</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    /// <returns>The value passed to <see cref="StartStatus{T}.Started"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The nursery is closed, the call is off the loop thread, or the child finished without calling Started.</exception>
    public Task<T> StartAsync<T>(Func<StartStatus<T>, ValueTask> function, string? name = null, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(function);
        return StartAsync<T>(status => function(status).AsTask(), name ?? TaskNames.Of(function), filePath, line);
    }

    /// <summary>Starts <paramref name="function"/>, which returns a <see cref="ValueTask"/>, and waits until it calls <see cref="StartStatus.Started"/>; see <see cref="StartAsync{T}(Func{StartStatus{T}, Task}, string?, string, int)"/>.</summary>
    /// <param name="function">The child's function; it must call <c>status.Started()</c> once it is ready.</param>
    /// <param name="name">The child's name; by default its function's name.</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    /// <returns>A task that completes when the child has started.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The nursery is closed, the call is off the loop thread, or the child finished without calling Started.</exception>
    public Task StartAsync(Func<StartStatus, ValueTask> function, string? name = null, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(function);
        return StartAsync<object?>(status => function(new StartStatus(status)).AsTask(), name ?? TaskNames.Of(function), filePath, line);
    }

    /// <summary>Reports a starting child's end to the caller (before Started) or to the nursery (after).</summary>
    private void StartingChildFinished<T>(TrioTask child, StartStatus<T> status, Exception? error)
    {
        status.ChildScope.Exit();
        if (status.MovedIntoNursery)
        {
            ChildFinished(child, error);
            return;
        }

        // Still under the caller: the outcome is the caller's, unwrapped, and the nursery is not affected.
        _pendingStarts--;
        _runner.TaskExited(child);
        if (error is not null)
        {
            status.Waiter.Wake(error: error);
        }
        else if (status.HasStarted)
        {
            status.Waiter.Wake(status.Value);
        }
        else
        {
            status.Waiter.Wake(error: new InvalidOperationException(
                $"Task {child.Path} exited without calling Started on its StartStatus: a function run with Nursery.StartAsync must call status.Started(...) once it is ready."));
        }

        WakeBodyIfDone();
    }

    /// <summary>Moves a started child into the nursery; called by <see cref="StartStatus{T}.Started"/>.</summary>
    internal void AdoptStartedChild<T>(StartStatus<T> status)
    {
        status.ChildScope.Reparent(CancelScope);
        _pendingStarts--;
        Link(status.Task);
        status.Waiter.Wake(status.Value);
    }

    /// <summary>The owner of a child started with <see cref="StartAsync{T}(Func{StartStatus{T}, Task}, string?, string, int)"/>: calls its function with its status, and reports its end.</summary>
    private sealed class StartingChild<T>(Nursery nursery, Func<StartStatus<T>, Task> function, StartStatus<T> status) : ITaskOwner
    {
        /// <inheritdoc/>
        public ValueTask StartFunction(TrioTask task, object? unused) => new(function(status) ?? throw ThrowHelper.NullTaskFromBody("Nursery.StartAsync"));

        /// <inheritdoc/>
        public void FunctionEnded(TrioTask task, Exception? error) => nursery.StartingChildFinished(task, status, error);
    }
}
