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
}
