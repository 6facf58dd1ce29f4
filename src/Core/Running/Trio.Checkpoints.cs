using System.Runtime.CompilerServices;

namespace TrioTest;

/// <summary>Checkpoints: the points where a task yields to the scheduler and where cancellation is delivered.</summary>
public static partial class Trio
{
    /// <summary>
    /// A checkpoint: a schedule point (the task goes round the scheduler, so others may run) then a cancel point
    /// (throws <see cref="Cancelled"/> if the calling code's scope is cancelled). The label names the point in the
    /// checkpoint trace and in deadlock reports.
    /// </summary>
    /// <param name="label">A name for this point, such as <c>"debit"</c>.</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    /// <returns>An awaitable; await it exactly once.</returns>
    /// <exception cref="InvalidOperationException">Not inside a run, or not on its loop thread.</exception>
    /// <exception cref="Cancelled">Thrown by the await when the scope is cancelled.</exception>
    public static ValueTask CheckpointAsync(string? label = null, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0) =>
        Runner.GetCurrent("Trio.CheckpointAsync").CheckpointAsync(CheckpointKind.Checkpoint, label, filePath, line);

    /// <summary>A cancel point only: throws <see cref="Cancelled"/> (after a schedule point) if the scope is cancelled, and otherwise completes at once without yielding.</summary>
    /// <param name="label">A name for this point.</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    /// <returns>An awaitable; await it exactly once.</returns>
    /// <exception cref="InvalidOperationException">Not inside a run, or not on its loop thread.</exception>
    /// <exception cref="Cancelled">Thrown by the await when the scope is cancelled.</exception>
    public static ValueTask CheckpointIfCancelledAsync(string? label = null, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0) =>
        Runner.GetCurrent("Trio.CheckpointIfCancelledAsync").CheckpointAsync(CheckpointKind.IfCancelled, label, filePath, line);

    /// <summary>A schedule point only: the task goes round the scheduler, and cancellation is never delivered.</summary>
    /// <param name="label">A name for this point.</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    /// <returns>An awaitable; await it exactly once.</returns>
    /// <exception cref="InvalidOperationException">Not inside a run, or not on its loop thread.</exception>
    public static ValueTask CancelShieldedCheckpointAsync(string? label = null, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0) =>
        Runner.GetCurrent("Trio.CancelShieldedCheckpointAsync").CheckpointAsync(CheckpointKind.Shielded, label, filePath, line);

    /// <summary>
    /// Waits until every other task is blocked (Trio's <c>wait_all_tasks_blocked</c>), and has stayed blocked for
    /// <paramref name="cushion"/> of real time. While any task waits here the virtual clock does not autojump, and
    /// waiters with the smallest cushion wake first.
    /// </summary>
    /// <param name="cushion">Real time the run must stay idle first; zero by default.</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    /// <returns>An awaitable; await it exactly once.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cushion"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">Not inside a run, or not on its loop thread.</exception>
    public static ValueTask WaitAllTasksBlockedAsync(TimeSpan cushion = default, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
    {
        if (cushion < TimeSpan.Zero)
        {
            ThrowHelper.ThrowNegativeDuration(nameof(cushion), cushion, "Trio.WaitAllTasksBlockedAsync");
        }

        return Runner.GetCurrent("Trio.WaitAllTasksBlockedAsync").WaitAllTasksBlockedAsync(cushion, filePath, line);
    }
}
