namespace TrioTest.Testing;

/// <summary>
/// Keeps the toolkit's async methods on the loop, as Core's own library methods are: they resume on their task's context
/// after each await, and complete with no context current.
/// </summary>
/// <remarks>
/// Callers such as <see cref="Stream.CopyToAsync(Stream)"/> and <see cref="StreamReader"/> await with
/// <c>ConfigureAwait(false)</c>. Without the binding, a method entered from such a flow would resume its own awaits off the
/// loop; without completing context-free, the caller's continuation would be sent to the thread pool, leaving the
/// deterministic schedule.
/// </remarks>
internal static class LoopBinding
{
    /// <summary>Binds the calling async method to the current task; call it first, before any await.</summary>
    /// <param name="api">The public member being entered, named in the error if there is no run.</param>
    /// <returns>The current task.</returns>
    /// <exception cref="InvalidOperationException">Not inside a run, or not on its loop thread.</exception>
    public static TrioTask Enter(string api)
    {
        TrioTask task = Runner.GetCurrent(api).CurrentAmbient().Task;
        Runner.BindToTask(task);
        return task;
    }

    /// <summary>Clears the context, so the method completes with none current; call it last, in a <c>finally</c>.</summary>
    public static void Exit() => Runner.CompleteWithoutContext();
}
