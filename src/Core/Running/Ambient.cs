namespace TrioTest;

/// <summary>
/// What flows with the async control flow: the task it belongs to and its innermost cancel scope. One object in one
/// <see cref="AsyncLocal{T}"/>, so a lookup is one read: the task itself while the flow is in the task's first scope
/// (no object of its own for a task that enters no scope), otherwise a pair of the task and the scope.
/// </summary>
/// <remarks>
/// Scopes flow with the code rather than living on the task, so two flows of one task (for example under
/// <c>Task.WhenAll</c>) can each enter scopes without corrupting each other's stack.
/// </remarks>
internal readonly struct Ambient
{
    /// <summary>The current flow's stored value: a <see cref="TrioTask"/> (in its initial scope) or an <see cref="InScope"/>.</summary>
    private static readonly AsyncLocal<object?> s_current = new();

    /// <summary>The stored value this ambient value reads.</summary>
    private readonly object _value;

    /// <summary>Creates the ambient value of a flow of <paramref name="task"/> inside <paramref name="scope"/>.</summary>
    /// <param name="task">The task.</param>
    /// <param name="scope">The flow's innermost scope.</param>
    internal Ambient(TrioTask task, CancelScope scope) =>
        _value = scope == task.InitialScope ? task : new InScope(task, scope);

    /// <summary>Wraps a stored value.</summary>
    private Ambient(object value) => _value = value;

    /// <summary>Gets the task of the flow.</summary>
    public TrioTask Task => _value as TrioTask ?? ((InScope)_value).Task;

    /// <summary>Gets the innermost cancel scope of the flow.</summary>
    public CancelScope Scope => _value is TrioTask task ? task.InitialScope : ((InScope)_value).Scope;

    /// <summary>Gets or sets the current flow's ambient value (setting it changes the flow's execution context).</summary>
    public static Ambient? Current
    {
        get => s_current.Value is { } value ? new Ambient(value) : null;
        set => s_current.Value = value?._value;
    }

    /// <summary>A flow of a task inside a scope other than the task's initial one.</summary>
    /// <param name="Task">The task.</param>
    /// <param name="Scope">The innermost scope.</param>
    private sealed record InScope(TrioTask Task, CancelScope Scope);
}
