namespace TrioTest;

/// <summary>How code on another thread reached back into a run.</summary>
public enum EscapeKind
{
    /// <summary>A continuation was posted to a task's synchronization context from another thread.</summary>
    ForeignPost,

    /// <summary>A task was queued to the loop's <see cref="TaskScheduler"/> from another thread.</summary>
    ForeignTaskQueue,

    /// <summary>The loop's <see cref="TimeProvider"/> was used (a timer created, changed or disposed) from another thread.</summary>
    ForeignTimer,

    /// <summary>
    /// A step sent work from the loop thread to the thread pool (<c>Task.Run</c>, <c>CancelAsync</c>'s callbacks, a
    /// <c>ConfigureAwait(false)</c> continuation the runtime would not run inline): seen as it left, at a point the seed decides.
    /// </summary>
    Departure,
}
