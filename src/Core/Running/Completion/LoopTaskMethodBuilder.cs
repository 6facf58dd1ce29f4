using System.Runtime.CompilerServices;

namespace TrioTest;

/// <summary>
/// The builder of the library's async methods that return <see cref="Task"/> to user code: the BCL's builder, plus
/// <see cref="LoopMethod"/>'s binding on start and same-step completion. Apply it with
/// <c>[AsyncMethodBuilder(typeof(LoopTaskMethodBuilder))]</c> on the method.
/// </summary>
internal struct LoopTaskMethodBuilder
{
    /// <summary>The BCL builder that owns the task and the state machine's box.</summary>
    private AsyncTaskMethodBuilder _inner;

    /// <summary>The task the method belongs to, found when it started; <see langword="null"/> outside a run.</summary>
    private TrioTask? _owner;

    /// <summary>Gets the method's task.</summary>
    public Task Task => _inner.Task;

    /// <summary>Creates a builder.</summary>
    /// <returns>The builder.</returns>
    public static LoopTaskMethodBuilder Create() => new() { _inner = AsyncTaskMethodBuilder.Create() };

    /// <summary>Runs the method up to its first suspension with its task's context current.</summary>
    /// <typeparam name="TStateMachine">The state machine's type.</typeparam>
    /// <param name="stateMachine">The state machine.</param>
    public void Start<TStateMachine>(ref TStateMachine stateMachine)
        where TStateMachine : IAsyncStateMachine
    {
        _owner = LoopMethod.BeginStart(out SynchronizationContext? callerContext);
        try
        {
            _inner.Start(ref stateMachine);
        }
        finally
        {
            LoopMethod.EndStart(callerContext);
        }
    }

    /// <summary>Associates the builder with a boxed state machine.</summary>
    /// <param name="stateMachine">The state machine.</param>
    public void SetStateMachine(IAsyncStateMachine stateMachine) => _inner.SetStateMachine(stateMachine);

    /// <summary>Schedules the state machine to go on when <paramref name="awaiter"/> completes.</summary>
    /// <typeparam name="TAwaiter">The awaiter's type.</typeparam>
    /// <typeparam name="TStateMachine">The state machine's type.</typeparam>
    /// <param name="awaiter">The awaiter.</param>
    /// <param name="stateMachine">The state machine.</param>
    public void AwaitOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : INotifyCompletion
        where TStateMachine : IAsyncStateMachine =>
        _inner.AwaitOnCompleted(ref awaiter, ref stateMachine);

    /// <summary>Schedules the state machine to go on when <paramref name="awaiter"/> completes, without flowing the execution context by hand.</summary>
    /// <typeparam name="TAwaiter">The awaiter's type.</typeparam>
    /// <typeparam name="TStateMachine">The state machine's type.</typeparam>
    /// <param name="awaiter">The awaiter.</param>
    /// <param name="stateMachine">The state machine.</param>
    public void AwaitUnsafeOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : ICriticalNotifyCompletion
        where TStateMachine : IAsyncStateMachine =>
        _inner.AwaitUnsafeOnCompleted(ref awaiter, ref stateMachine);

    /// <summary>Completes the method; its caller resumes in the same step.</summary>
    public void SetResult()
    {
        using LoopCompletion completion = LoopMethod.BeginCompletion(_owner);
        _inner.SetResult();
    }

    /// <summary>Fails the method; its caller resumes in the same step.</summary>
    /// <param name="exception">The method's exception.</param>
    public void SetException(Exception exception)
    {
        using LoopCompletion completion = LoopMethod.BeginCompletion(_owner);
        _inner.SetException(exception);
    }
}
