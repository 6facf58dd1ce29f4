using System.Runtime.CompilerServices;

namespace TrioTest.Testing;

/// <summary>
/// Asserts that a block of code passes a checkpoint, or passes none (Trio's <c>assert_checkpoints</c> and
/// <c>assert_no_checkpoints</c>), by comparing the current task's <see cref="TrioTask.SchedulePoints"/> and
/// <see cref="TrioTask.CancelPoints"/> before and after it.
/// </summary>
/// <remarks>
/// <para>A block passes a checkpoint when both counters moved: it yielded to the scheduler and it could have been
/// cancelled. So <see cref="Trio.CheckpointIfCancelledAsync"/> followed by <see cref="Trio.CancelShieldedCheckpointAsync"/>
/// counts, and either one alone does not. A block passes no checkpoint when neither counter moved.</para>
/// <para>Trio skips the <c>assert_checkpoints</c> check when the block raises. A <c>using</c> block cannot see whether its
/// body threw, so the two forms differ: <see cref="AssertCheckpointsAsync(Func{Task})"/> takes the block as a lambda and
/// checks only when it completes, exactly as Trio does, so an expected exception is never replaced;
/// <see cref="AssertCheckpoints"/> checks on dispose in every case, so a block that throws before its first checkpoint
/// reports a <see cref="CheckpointAssertionException"/> in place of its own exception. Use the lambda form around code
/// expected to throw. <see cref="AssertNoCheckpoints"/> checks in every case, as Trio's does.</para>
/// </remarks>
/// <example>
/// <code>
/// using (Checkpoints.AssertCheckpoints())
/// {
///     await stream.WriteAsync(data);
/// }
///
/// await Checkpoints.AssertCheckpointsAsync(async () => await closedStream.WriteAsync(data));   // throws ObjectDisposedException, unchecked
///
/// using (Checkpoints.AssertNoCheckpoints())
/// {
///     receiveStream.PutData(data);
/// }
/// </code>
/// </example>
public static class Checkpoints
{
    /// <summary>Starts a block that must pass a checkpoint before its scope is disposed; see the remarks on <see cref="Checkpoints"/> for a block that throws.</summary>
    /// <returns>The block's scope; dispose it at the end of the block.</returns>
    /// <exception cref="InvalidOperationException">Not in a task of a run, where the counters are kept.</exception>
    public static CheckpointAssertionScope AssertCheckpoints() => new(CurrentTask(nameof(AssertCheckpoints)), expectCheckpoint: true);

    /// <summary>Starts a block that must pass no checkpoint, checked when its scope is disposed, even if the block threw.</summary>
    /// <returns>The block's scope; dispose it at the end of the block.</returns>
    /// <exception cref="InvalidOperationException">Not in a task of a run, where the counters are kept.</exception>
    public static CheckpointAssertionScope AssertNoCheckpoints() => new(CurrentTask(nameof(AssertNoCheckpoints)), expectCheckpoint: false);

    /// <summary>Runs <paramref name="body"/> and, if it completes, asserts that it passed a checkpoint; if it throws, its exception propagates unchecked.</summary>
    /// <param name="body">The block.</param>
    /// <returns>A task that completes when the block has completed and passed the check.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="InvalidOperationException">Not in a task of a run, or <paramref name="body"/> returned a null task.</exception>
    /// <exception cref="CheckpointAssertionException">The block completed without passing a checkpoint.</exception>
    public static Task AssertCheckpointsAsync(Func<Task> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return AssertCheckpointsAsync<bool>(async () =>
        {
            await (body() ?? throw NullTask());
            return true;
        });
    }

    /// <summary>Runs <paramref name="body"/> and, if it completes, asserts that it passed a checkpoint and returns its result; if it throws, its exception propagates unchecked.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="body">The block.</param>
    /// <returns>What <paramref name="body"/> returned.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="InvalidOperationException">Not in a task of a run, or <paramref name="body"/> returned a null task.</exception>
    /// <exception cref="CheckpointAssertionException">The block completed without passing a checkpoint.</exception>
    [AsyncMethodBuilder(typeof(LoopTaskMethodBuilder<>))]
    public static async Task<T> AssertCheckpointsAsync<T>(Func<Task<T>> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var scope = new CheckpointAssertionScope(CurrentTask(nameof(AssertCheckpointsAsync)), expectCheckpoint: true);
        T result = await (body() ?? throw NullTask());
        scope.Dispose();
        return result;
    }

    /// <summary>Gets the current task, with an error that names the assertion outside a run.</summary>
    private static TrioTask CurrentTask(string api)
    {
        if (!Trio.IsInRun)
        {
            throw new InvalidOperationException(
                $"Checkpoints.{api} must be called from a task inside Trio.Run (or an [AsyncTest] test), on the loop thread: it compares the checkpoint counters of the current TrioTask, and there is none here.");
        }

        return Trio.CurrentTask;
    }

    /// <summary>The error for a body that returned a null task.</summary>
    private static InvalidOperationException NullTask() =>
        new($"The function passed to Checkpoints.{nameof(AssertCheckpointsAsync)} returned a null Task. Return the Task of the async work (mark the lambda async).");
}
