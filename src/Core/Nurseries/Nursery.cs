using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace TrioTest;

/// <summary>
/// Trio's nursery: the only way to run tasks concurrently, and the guarantee that none outlives the block that
/// started it. <see cref="RunAsync"/> runs a body that starts children with <see cref="StartSoon(Func{Task}, string?)"/> or
/// <see cref="StartAsync{T}(Func{StartStatus{T}, Task}, string?, string, int)"/>, and completes only when the body and every child are done.
/// </summary>
/// <remarks>
/// <para>A failure in the body or in any child cancels the nursery's <see cref="CancelScope"/>: the other children
/// see <see cref="Cancelled"/> at their next checkpoint. When all are done, <see cref="RunAsync"/> rethrows a single
/// failure as itself (its stack kept), or several as a <see cref="NurseryException"/> in the order they happened.
/// <see cref="Cancelled"/> exceptions caused by the nursery's own cancellation are absorbed.</para>
/// <para>Entering a nursery is not a checkpoint; leaving one is a schedule point (except the run's own nursery, which
/// has no frame to leave: the harness's background nursery).</para>
/// </remarks>
/// <example>
/// <code>
/// await Nursery.RunAsync(async nursery =>
/// {
///     nursery.StartSoon(() => FetchAsync("a"), "fetch a");
///     nursery.StartSoon(() => FetchAsync("b"), "fetch b");
/// });
/// </code>
/// </example>
[DebuggerDisplay("{ToString(),nq}")]
public sealed partial class Nursery : ITaskOwner
{
    /// <summary>The run.</summary>
    private readonly Runner _runner;

    /// <summary>Failures in the order they happened; created by the first.</summary>
    private List<Exception>? _errors;

    /// <summary>Where the nursery was opened, for reports.</summary>
    private readonly string _openedAt;

    /// <summary>How many children are alive.</summary>
    private int _childCount;

    /// <summary>How many <see cref="StartAsync{T}(Func{StartStatus{T}, Task}, string?, string, int)"/> children have not yet called Started or exited; they keep the nursery open.</summary>
    private int _pendingStarts;

    /// <summary>True once the nursery accepts no new children.</summary>
    private bool _closed;

    /// <summary>The body's task waiting for the children, while it waits.</summary>
    private Waiter? _exitWaiter;

    private Nursery(Runner runner, TrioTask parentTask, CancelScope scope, string openedAt)
    {
        _runner = runner;
        ParentTask = parentTask;
        CancelScope = scope;
        _openedAt = openedAt;
    }

    /// <summary>Gets the nursery's cancel scope: cancel it to cancel the body and every child.</summary>
    public CancelScope CancelScope { get; }

    /// <summary>Gets the task that opened the nursery.</summary>
    public TrioTask ParentTask { get; }

    /// <summary>Gets the living children, in spawn order.</summary>
    /// <remarks>
    /// Found among the run's living tasks (a child holds no links of its own, which keeps ten thousand sleepers small), so
    /// a read costs time in the number of living tasks; read it on the loop thread.
    /// </remarks>
    public IReadOnlyList<TrioTask> ChildTasks => _runner.GetLivingChildren(this, _childCount);

    /// <summary>Gets a value indicating whether the nursery is closed to new children (its body and children have all finished).</summary>
    public bool IsClosed => _closed;

    /// <summary>Opens a nursery, runs <paramref name="body"/> in it, and waits for the body and every child it started.</summary>
    /// <param name="body">The body; it receives the nursery to start children in.</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    /// <returns>A task that completes when the body and all children are done.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="InvalidOperationException">Called outside a run or off its loop thread.</exception>
    /// <exception cref="NurseryException">Several children (or the body) failed.</exception>
    [AsyncMethodBuilder(typeof(LoopTaskMethodBuilder))]
    public static async Task RunAsync(Func<Nursery, Task> body, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(body);
        Runner runner = Runner.GetCurrent("Nursery.RunAsync");
        Ambient outer = runner.CurrentAmbient();
        var scope = new CancelScope();
        scope.Enter(runner, outer.Scope);
        var nursery = new Nursery(runner, outer.Task, scope, new CheckpointLocation(CheckpointKind.Wait, null, filePath, line).SourceText);
        Ambient.Current = new Ambient(outer.Task, scope);
        try
        {
            try
            {
                await (body(nursery) ?? throw ThrowHelper.NullTaskFromBody("Nursery.RunAsync"));
            }
            catch (Exception e)
            {
                nursery.AddError(e, outer.Task);
            }

            await nursery.WaitForChildrenAsync(filePath, line);
        }
        finally
        {
            Ambient.Current = outer;
            nursery._closed = true;
        }

        Exception? failure = nursery.CollectFailure();
        scope.Exit();
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }

    /// <summary>Starts <paramref name="function"/> as a child task. It does not run yet: its first step is queued for the loop.</summary>
    /// <param name="function">The child's function.</param>
    /// <param name="name">The child's name; by default its function's name. Paths stay unique (<c>main/worker#2</c>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The nursery is closed, or the call is not on the run's loop thread.</exception>
    [OverloadResolutionPriority(1)]
    public void StartSoon(Func<Task> function, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        SpawnChild(function, name ?? TaskNames.Of(function));
    }

    /// <summary>Starts <paramref name="function"/>, which returns a <see cref="ValueTask"/>, as a child task: <c>nursery.StartSoon(Trio.SleepForeverAsync)</c>.</summary>
    /// <param name="function">The child's function.</param>
    /// <param name="name">The child's name; by default its function's name. Paths stay unique (<c>main/worker#2</c>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The nursery is closed, or the call is not on the run's loop thread.</exception>
    public void StartSoon(Func<ValueTask> function, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        SpawnChild(function, name ?? TaskNames.Of(function));
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"Nursery(opened at {(_openedAt.Length == 0 ? "?" : _openedAt)} by {ParentTask.Path}, {_childCount} children{(_closed ? ", closed" : string.Empty)})";

    /// <inheritdoc/>
    /// <remarks>A child started with <c>StartSoon</c>: <paramref name="function"/> is a <see cref="Func{Task}"/> or a <see cref="Func{ValueTask}"/>.</remarks>
    ValueTask ITaskOwner.StartFunction(TrioTask task, object? function) => function is Func<ValueTask> valueTaskFunction
        ? valueTaskFunction()
        : new(((Func<Task>)function!)() ?? throw ThrowHelper.NullTaskFromBody("Nursery.StartSoon"));

    /// <summary>Spawns a child that runs <paramref name="function"/> (a <see cref="Func{Task}"/> or a <see cref="Func{ValueTask}"/>) and links it.</summary>
    private void SpawnChild(Delegate function, string name)
    {
        _runner.ThrowIfNotLoopThread("Nursery.StartSoon");
        ThrowIfClosed("StartSoon");
        TrioTask child = _runner.SpawnTask(name, this, CancelScope, this, function);
        Link(child);
    }

    /// <inheritdoc/>
    void ITaskOwner.FunctionEnded(TrioTask task, Exception? error) => ChildFinished(task, error);

    /// <summary>Records a child's end; the last one wakes the body waiting in <see cref="RunAsync"/>.</summary>
    private void ChildFinished(TrioTask child, Exception? error)
    {
        Unlink(child);
        _runner.TaskExited(child);
        if (error is not null)
        {
            AddError(error, child);
        }

        WakeBodyIfDone();
    }

    /// <summary>Records a failure and cancels the nursery (Trio's <c>_add_exc</c>).</summary>
    private void AddError(Exception error, TrioTask source)
    {
        (_errors ??= []).Add(error);
        CancelScope.CancelCore(new CancelReason(CancelSource.Nursery, $"child task raised exception {error.GetType().Name}", source.Path));
    }

    /// <summary>Waits for every child, or passes a schedule point if there are none.</summary>
    private ValueTask WaitForChildrenAsync(string filePath, int line)
    {
        if (_childCount == 0 && _pendingStarts == 0)
        {
            return _runner.CheckpointAsync(CheckpointKind.Shielded, "nursery exit", filePath, line);
        }

        // Not abortable: cancellation reaches the children, and the body waits for them to finish (Trio's Abort.FAILED).
        Waiter waiter = _runner.ParkUnabortable(WaitDescription.Of($"the children of its nursery ({_openedAt}) to finish"), "nursery exit", filePath, line);
        _exitWaiter = waiter;
        return new ValueTask(waiter, waiter.Version);
    }

    /// <summary>Wakes the body if it waits and nothing is left; closes the run's nursery once main and its children are done.</summary>
    private void WakeBodyIfDone()
    {
        if (_childCount != 0 || _pendingStarts != 0)
        {
            return;
        }

        if (_exitWaiter is { } waiter)
        {
            _exitWaiter = null;
            waiter.Wake();
        }
        else if (_mainEnded)
        {
            CloseForRun();
        }
    }

    /// <summary>
    /// Decides what <see cref="RunAsync"/> throws (Trio's nursery exit, whose cancel scope splits the group):
    /// cancellations the nursery's own scope absorbs are dropped; cancellations that belong to an outer scope stay, so
    /// that scope catches them and whatever else failed goes on. When only such cancellations are left, one is enough
    /// (cancellation is level-triggered, and the scope that owns it catches it); one failure is rethrown as itself.
    /// </summary>
    private Exception? CollectFailure()
    {
        if (_errors is null)
        {
            return null;
        }

        List<Exception> rest = new(_errors.Count);
        bool caught = false;
        foreach (Exception error in _errors)
        {
            if (CancelScope.Split(error, ref caught) is { } kept)
            {
                rest.Add(kept);
            }
        }

        if (caught)
        {
            CancelScope.MarkCancelledCaught();
        }

        return rest.TrueForAll(static e => e is Cancelled) && rest.Count > 1 ? rest[0] : NurseryException.Of(rest);
    }

    /// <summary>Throws if the nursery accepts no new children.</summary>
    private void ThrowIfClosed(string api)
    {
        if (_closed)
        {
            throw new InvalidOperationException(
                $"Nursery is closed to new arrivals: {api} was called after the nursery opened at {_openedAt} finished. Start children from inside the nursery's body, or from a task still running in it.");
        }
    }

    /// <summary>Makes <paramref name="child"/> one of the nursery's children.</summary>
    private void Link(TrioTask child)
    {
        child.IsInNursery = true;
        _childCount++;
    }

    /// <summary>Removes a child that ended.</summary>
    private void Unlink(TrioTask child)
    {
        child.IsInNursery = false;
        _childCount--;
    }
}
