namespace TrioTest;

/// <summary>
/// What flows with the async control flow: the task it belongs to and its innermost cancel scope.
/// One immutable object in one <see cref="AsyncLocal{T}"/>, so a lookup is one read.
/// </summary>
/// <remarks>
/// Scopes flow with the code rather than living on the task, so two flows of one task (for example under
/// <c>Task.WhenAll</c>) can each enter scopes without corrupting each other's stack.
/// </remarks>
internal sealed class Ambient
{
    /// <summary>The ambient value of the current flow.</summary>
    private static readonly AsyncLocal<Ambient?> s_current = new();

    internal Ambient(TrioTask task, CancelScope scope)
    {
        Task = task;
        Scope = scope;
    }

    /// <summary>Gets the task of the flow.</summary>
    public TrioTask Task { get; }

    /// <summary>Gets the innermost cancel scope of the flow.</summary>
    public CancelScope Scope { get; }

    /// <summary>Gets or sets the current flow's ambient value.</summary>
    public static Ambient? Current
    {
        get => s_current.Value;
        set => s_current.Value = value;
    }

    /// <summary>
    /// Captures an execution context whose ambient value is <paramref name="ambient"/> and which otherwise
    /// inherits the caller's async-locals (as Trio copies the spawner's context variables).
    /// </summary>
    /// <param name="ambient">The ambient value for the new flow.</param>
    /// <returns>The captured context, or <see langword="null"/> if the caller suppressed the flow of execution context.</returns>
    public static ExecutionContext? CaptureWith(Ambient ambient)
    {
        Ambient? saved = s_current.Value;
        s_current.Value = ambient;
        ExecutionContext? captured = ExecutionContext.Capture();
        s_current.Value = saved;
        return captured;
    }
}
