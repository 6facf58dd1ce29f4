using System.Diagnostics;

namespace TrioTest.Testing;

/// <summary>
/// A block under a checkpoint assertion, returned by <see cref="Checkpoints.AssertCheckpoints"/> and
/// <see cref="Checkpoints.AssertNoCheckpoints"/>: it holds the task's checkpoint counters from the start of the block,
/// and <see cref="Dispose"/> compares them with the counters at the end.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class CheckpointAssertionScope : IDisposable
{
    /// <summary>The task whose counters are compared.</summary>
    private readonly TrioTask _task;

    /// <summary>The task's schedule points when the block started.</summary>
    private readonly long _schedulePoints;

    /// <summary>The task's cancel points when the block started.</summary>
    private readonly long _cancelPoints;

    /// <summary><see langword="true"/> if the block must pass a checkpoint; <see langword="false"/> if it must pass none.</summary>
    private readonly bool _expectCheckpoint;

    /// <summary>Set by the first <see cref="Dispose"/>, so the block is checked once.</summary>
    private bool _disposed;

    /// <summary>Initializes a scope that snapshots <paramref name="task"/>'s counters now.</summary>
    internal CheckpointAssertionScope(TrioTask task, bool expectCheckpoint)
    {
        _task = task;
        _schedulePoints = task.SchedulePoints;
        _cancelPoints = task.CancelPoints;
        _expectCheckpoint = expectCheckpoint;
    }

    /// <summary>Ends the block and checks it; a second call does nothing.</summary>
    /// <exception cref="CheckpointAssertionException">The block broke the assertion.</exception>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Check();
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{(_expectCheckpoint ? "AssertCheckpoints" : "AssertNoCheckpoints")} on task {_task.Path}";

    /// <summary>Checks the block against the assertion, whatever the block's outcome.</summary>
    /// <exception cref="CheckpointAssertionException">The block broke the assertion.</exception>
    internal void Check()
    {
        long schedulePoints = _task.SchedulePoints - _schedulePoints;
        long cancelPoints = _task.CancelPoints - _cancelPoints;
        if (_expectCheckpoint && (schedulePoints == 0 || cancelPoints == 0))
        {
            throw new CheckpointAssertionException(
                $"AssertCheckpoints: the block did not yield (schedule points {schedulePoints}, cancel points {cancelPoints}); a checkpoint needs both.");
        }

        if (!_expectCheckpoint && (schedulePoints != 0 || cancelPoints != 0))
        {
            throw new CheckpointAssertionException(
                $"AssertNoCheckpoints: the block yielded (schedule points {schedulePoints}, cancel points {cancelPoints}); it must pass neither.");
        }
    }
}
