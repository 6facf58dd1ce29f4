using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks.Sources;

namespace TrioTest;

/// <summary>
/// The one awaitable under every checkpoint and blocking wait of the library: a pooled
/// <see cref="IValueTaskSource"/> whose continuation becomes a step of the awaiting task.
/// </summary>
/// <remarks>
/// <para>Two modes. A <em>yield</em> (a schedule point) queues its continuation as soon as it is awaited, so
/// the task goes round the scheduler once. A <em>park</em> (a blocking wait) stores the continuation until
/// <see cref="Wake"/>, or until its cancel scope is cancelled and the queue it waits on lets it go.</para>
/// <para>Continuations never run inline: they are queued as steps of <see cref="Task"/>, so completing a wait
/// from another task's step can never run the waiter's code inside that step.</para>
/// <para>Waiters are pooled per thread, across runs (a waiter belongs to no run between uses); the <see cref="Version"/>
/// token catches a stale <see cref="ValueTask"/> being awaited twice.</para>
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
internal sealed class Waiter : IValueTaskSource, IValueTaskSource<object?>, ITimerTarget
{
    /// <summary>Runs a continuation that asked for its execution context to flow.</summary>
    private static readonly Action<object?> s_runWithContext = static state =>
    {
        var (continuation, continuationState, context) = ((Action<object?>, object?, ExecutionContext))state!;
        ExecutionContext.Run(context, static s =>
        {
            var (c, cs) = ((Action<object?>, object?))s!;
            c(cs);
        }, (continuation, continuationState));
    };

    /// <summary>The awaiting code's continuation, once it has awaited.</summary>
    private Action<object?>? _continuation;

    /// <summary>The state for <see cref="_continuation"/>.</summary>
    private object? _continuationState;

    /// <summary>The execution context to run the continuation in, when the awaiter asked for it to flow.</summary>
    private ExecutionContext? _executionContext;

    /// <summary>True once the wait is over (woken, aborted, or the yield was queued).</summary>
    private bool _completed;

    /// <summary>True in yield mode: the continuation is queued as soon as it is registered.</summary>
    private bool _yield;

    /// <summary>The scope whose cancellation is checked when the awaiting code resumes (a checkpoint's cancel point), if any.</summary>
    private CancelScope? _checkScope;

    /// <summary>What the wait ends with: an exception to throw from GetResult.</summary>
    private Exception? _error;

    /// <summary>What the wait ends with: a value for <see cref="IValueTaskSource{TResult}.GetResult(short)"/>.</summary>
    private object? _result;

    /// <summary>The queue the parked waiter is on, so cancellation can remove it.</summary>
    private IWaitQueue? _queue;

    /// <summary>What the waiter waits for, for the deadlock report.</summary>
    private WaitDescription _description;

    /// <summary>Sets what the waiter waits for (a parking lot's name after <c>Repark</c>).</summary>
    internal void Redescribe(WaitDescription description) => _description = description;

    /// <summary>Gets the task that awaits this waiter.</summary>
    public TrioTask? Task { get; private set; }

    /// <summary>Gets the token that identifies the current use of this pooled instance.</summary>
    public short Version { get; private set; }

    /// <summary>Gets an id of the current use that never repeats (unlike <see cref="Version"/>, which wraps after 65,536 uses), for holders of long-lived references.</summary>
    public long UseId { get; private set; }

    /// <summary>Gets the scope the waiter is registered with for cancellation while parked, if abortable.</summary>
    public CancelScope? AbortScope { get; private set; }

    /// <summary>Gets or sets the previous waiter in <see cref="AbortScope"/>'s list.</summary>
    public Waiter? PreviousInScope { get; set; }

    /// <summary>Gets or sets the next waiter in <see cref="AbortScope"/>'s list.</summary>
    public Waiter? NextInScope { get; set; }

    /// <summary>The registration of a sleep's deadline in the timer heap.</summary>
    private TimerRegistration _timer;

    /// <inheritdoc/>
    public long TimerGeneration => _timer.Generation;

    /// <summary>Gets or sets the queue the parked waiter is on (a parking lot moves it with <c>Repark</c>).</summary>
    public IWaitQueue? Queue
    {
        get => _queue;
        set => _queue = value;
    }

    /// <summary>Gets or sets the waiter's node in a parking lot's queue.</summary>
    public LinkedListNode<Waiter>? LotNode { get; set; }

    /// <summary>Gets what the waiter waits for.</summary>
    public WaitDescription Description => _description;

    /// <summary>Gets a value indicating whether the wait is over.</summary>
    public bool IsCompleted => _completed;

    /// <summary>Prepares a rented waiter as a schedule point: awaiting it yields once through the scheduler.</summary>
    /// <param name="task">The awaiting task.</param>
    /// <param name="checkScope">The scope to check for cancellation on resume (a full checkpoint), or <see langword="null"/> (a shielded one).</param>
    public void InitializeYield(TrioTask task, CancelScope? checkScope)
    {
        Task = task;
        _yield = true;
        _checkScope = checkScope;
    }

    /// <summary>Prepares a rented waiter as a schedule point that then throws <paramref name="error"/>, decided now.</summary>
    /// <param name="task">The awaiting task.</param>
    /// <param name="error">The exception to throw on resume.</param>
    public void InitializeFailedYield(TrioTask task, Exception error)
    {
        Task = task;
        _yield = true;
        _error = error;
    }

    /// <summary>Prepares a rented waiter as a blocking wait on <paramref name="queue"/>.</summary>
    /// <param name="task">The awaiting task.</param>
    /// <param name="abortScope">The scope whose cancellation aborts the wait, or <see langword="null"/> if it cannot be aborted.</param>
    /// <param name="queue">The queue that holds the waiter, asked to let it go on cancellation.</param>
    /// <param name="description">What is awaited, for the deadlock report ("sleep until 00:00:10").</param>
    public void InitializePark(TrioTask task, CancelScope? abortScope, IWaitQueue? queue, WaitDescription description)
    {
        Task = task;
        _queue = queue;
        _description = description;
        task.CurrentWait = this;
        if (abortScope is not null)
        {
            AbortScope = abortScope;
            abortScope.AddWaiter(this);
        }
    }

    /// <summary>Ends a parked wait successfully (or with <paramref name="error"/>) and queues the awaiting code.</summary>
    /// <param name="result">The value the wait returns.</param>
    /// <param name="error">The exception the wait throws, if any.</param>
    /// <returns><see langword="false"/> if the wait was already over.</returns>
    public bool Wake(object? result = null, Exception? error = null)
    {
        if (_completed)
        {
            return false;
        }

        _completed = true;
        _result = result;
        _error = error;
        AbortScope?.RemoveWaiter(this);
        AbortScope = null;
        _queue = null;

        if (_timer.Invalidate())
        {
            // Woken before its deadline: the sleep's heap entry is stale now.
            Task!.Runner.TimerDropped();
        }

        if (Task is { } task && task.CurrentWait == this)
        {
            task.CurrentWait = null;
        }

        if (_continuation is not null)
        {
            QueueContinuation();
        }

        return true;
    }

    /// <summary>Aborts the wait because its scope was cancelled, if the queue it waits on lets it go.</summary>
    /// <param name="reason">Why the scope was cancelled.</param>
    /// <param name="token">The scope's token, if created, for <see cref="OperationCanceledException.CancellationToken"/>.</param>
    public void TryAbort(CancelReason reason, CancellationToken token)
    {
        if (_completed || (_queue is not null && !_queue.TryRemove(this)))
        {
            return;
        }

        Wake(error: new Cancelled(reason, token));
    }

    /// <summary>Ends the wait with <paramref name="error"/> if the queue it waits on lets it go (a channel end closed under it).</summary>
    /// <param name="error">The exception the wait throws.</param>
    public void TryAbort(Exception error)
    {
        if (_completed || (_queue is not null && !_queue.TryRemove(this)))
        {
            return;
        }

        Wake(error: error);
    }

    /// <inheritdoc/>
    /// <remarks>A sleeping waiter's deadline has come.</remarks>
    public void OnTimerFired(TimeSpan due)
    {
        _timer.Fired();
        Wake();
    }

    /// <summary>Registers the sleep's deadline in the waiting task's run.</summary>
    /// <param name="runner">The run.</param>
    /// <param name="deadline">When to wake.</param>
    public void SleepUntil(Runner runner, TimeSpan deadline) => _timer.Register(runner, this, deadline);

    /// <inheritdoc/>
    public ValueTaskSourceStatus GetStatus(short token)
    {
        ValidateToken(token);

        // A yield stays "pending" until its step has run: awaiting it must always go round the scheduler.
        if (_yield || !_completed)
        {
            return ValueTaskSourceStatus.Pending;
        }

        return _error is null ? ValueTaskSourceStatus.Succeeded : ValueTaskSourceStatus.Faulted;
    }

    /// <inheritdoc/>
    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
    {
        ValidateToken(token);
        if (_continuation is not null)
        {
            ThrowHelper.ThrowAwaitedTwice();
        }

        _continuation = continuation;
        _continuationState = state;
        if ((flags & ValueTaskSourceOnCompletedFlags.FlowExecutionContext) != 0)
        {
            _executionContext = ExecutionContext.Capture();
        }

        // The flags' UseSchedulingContext is deliberately ignored: the continuation always runs on the loop,
        // as a step of the awaiting task, even after ConfigureAwait(false). Leaving the loop would leave the
        // deterministic schedule.
        if (_yield)
        {
            _completed = true;
            QueueContinuation();
        }
        else if (_completed)
        {
            QueueContinuation();
        }
    }

    /// <inheritdoc/>
    void IValueTaskSource.GetResult(short token) => GetResultCore(token);

    /// <inheritdoc/>
    object? IValueTaskSource<object?>.GetResult(short token) => GetResultCore(token);

    /// <inheritdoc/>
    public override string ToString() => $"Waiter({Task?.Path}, {(_yield ? "yield" : _description.ToString())})";

    /// <summary>Clears the waiter for its next use and bumps <see cref="Version"/>.</summary>
    internal void Reset()
    {
        Version++;
        UseId++;
        bool timerLive = _timer.Invalidate();
        Debug.Assert(!timerLive, "a waiter is reset only after its wake, which dropped its timer");
        Task = null;
        AbortScope = null;
        _continuation = null;
        _continuationState = null;
        _executionContext = null;
        _completed = false;
        _yield = false;
        _checkScope = null;
        _error = null;
        _result = null;
        _queue = null;
        _description = default;
        LotNode = null;
    }

    /// <summary>Returns the result, throwing the wait's exception or the cancel point's <see cref="Cancelled"/>, and returns the waiter to the pool.</summary>
    private object? GetResultCore(short token)
    {
        ValidateToken(token);
        if (!_completed)
        {
            ThrowHelper.ThrowCheckpointNotAwaited();
        }

        Exception? error = _error;
        object? result = _result;
        if (error is null && _checkScope is { IsEffectivelyCancelled: true } scope)
        {
            error = new Cancelled(scope.GetEffectiveReason(), scope.CreatedToken);
        }

        if (error is Cancelled cancelled && Task is { } task)
        {
            task.Runner.Instruments.OnCancelDelivered(task, cancelled.Reason);
        }

        Task!.Runner.ReturnWaiter(this);
        if (error is not null)
        {
            // Keeps the stack of an exception that came from elsewhere (a worker thread's work).
            ExceptionDispatchInfo.Throw(error);
        }

        return result;
    }

    /// <summary>Queues the stored continuation as a step of the awaiting task.</summary>
    private void QueueContinuation()
    {
        if (_executionContext is { } context)
        {
            Task!.Runner.EnqueueStep(Task, s_runWithContext, (_continuation!, _continuationState, context));
        }
        else
        {
            Task!.Runner.EnqueueStep(Task, _continuation!, _continuationState);
        }
    }

    /// <summary>Throws if <paramref name="token"/> is not the current use's.</summary>
    private void ValidateToken(short token)
    {
        if (token != Version)
        {
            ThrowHelper.ThrowAwaitedTwice();
        }
    }
}
