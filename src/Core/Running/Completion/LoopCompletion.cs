namespace TrioTest;

/// <summary>
/// A library method completing on the loop, from <see cref="Runner.BeginCompletion"/> to <see cref="Dispose"/>: no
/// synchronization context is current, and posts to the completing task's context run inline.
/// </summary>
internal readonly struct LoopCompletion : IDisposable
{
    /// <summary>The run, or <see langword="null"/> for the empty completion (outside a run: nothing to restore).</summary>
    private readonly Runner? _runner;

    /// <summary>The context current before the completion began.</summary>
    private readonly SynchronizationContext? _savedContext;

    /// <summary>The task whose posts ran inline before this completion began (an enclosing completion's), or <see langword="null"/>.</summary>
    private readonly TrioTask? _savedCompletingTask;

    internal LoopCompletion(Runner runner, SynchronizationContext? savedContext, TrioTask? savedCompletingTask)
    {
        _runner = runner;
        _savedContext = savedContext;
        _savedCompletingTask = savedCompletingTask;
    }

    /// <summary>Restores the context and the enclosing completion, if any.</summary>
    public void Dispose() => _runner?.EndCompletion(_savedContext, _savedCompletingTask);
}
