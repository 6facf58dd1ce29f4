namespace TrioTest;

/// <summary>
/// What a task belongs to: a nursery for its children, a starting child's <c>StartAsync</c>, the run for <c>main</c>.
/// The owner calls the task's function in its first step and hears of its end; the runner does everything between, so a
/// task costs no async method of its own around the user's function.
/// </summary>
internal interface ITaskOwner
{
    /// <summary>Calls <paramref name="task"/>'s function, inside the task's first step and execution context.</summary>
    /// <param name="task">The task.</param>
    /// <param name="function">What the owner gave <see cref="Runner.SpawnTask"/> to call.</param>
    /// <returns>
    /// The function's task, as a <see cref="ValueTask"/> so a function that returns one (a sleep, a channel operation) is
    /// heard without a <see cref="Task"/> around it. It wraps a <see cref="Task"/> unless <paramref name="function"/> is a
    /// <see cref="Func{ValueTask}"/>: the runner relies on that to end the task through one shared continuation. May throw:
    /// a throw is the function's error, as if its task had faulted.
    /// </returns>
    ValueTask StartFunction(TrioTask task, object? function);

    /// <summary>Told once, on the loop thread inside a step of <paramref name="task"/>, that its function has ended.</summary>
    /// <param name="task">The task.</param>
    /// <param name="error">What the function threw (what awaiting its task would throw), or <see langword="null"/>.</param>
    void FunctionEnded(TrioTask task, Exception? error);
}
