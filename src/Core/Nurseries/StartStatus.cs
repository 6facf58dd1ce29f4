namespace TrioTest;

/// <summary>
/// Given to a function started with <see cref="Nursery.StartAsync{T}(Func{StartStatus{T}, Task}, string?, string, int)"/>: call <see cref="Started"/> once the task is
/// ready (listening, connected, initialized). That moves it into the nursery and returns <c>value</c> to the caller.
/// </summary>
/// <typeparam name="T">The type of the value reported to the caller.</typeparam>
public sealed class StartStatus<T>
{
    /// <summary>The nursery the task moves into.</summary>
    private readonly Nursery? _nursery;

    /// <summary>The caller's scope: if it is cancelled, Started is a no-op (Trio's rule) and the task stays under the caller.</summary>
    private readonly CancelScope? _callerScope;

    internal StartStatus(Nursery nursery, CancelScope childScope, CancelScope callerScope)
    {
        _nursery = nursery;
        ChildScope = childScope;
        _callerScope = callerScope;
    }

    /// <summary>Initializes the status behind <see cref="Ignored"/>.</summary>
    private StartStatus()
    {
    }

    /// <summary>
    /// Gets a status whose <see cref="Started"/> does nothing, so a function written for <see cref="Nursery.StartAsync{T}(Func{StartStatus{T}, Task}, string?, string, int)"/>
    /// can also be called directly (Trio's <c>TASK_STATUS_IGNORED</c>).
    /// </summary>
    public static StartStatus<T> Ignored { get; } = new();

    /// <summary>Gets a value indicating whether <see cref="Started"/> was called.</summary>
    public bool HasStarted { get; private set; }

    /// <summary>Gets the value passed to <see cref="Started"/>.</summary>
    internal T Value { get; private set; } = default!;

    /// <summary>Gets the child's own scope, moved under the nursery's by Started.</summary>
    internal CancelScope ChildScope { get; } = null!;

    /// <summary>Gets or sets the child task.</summary>
    internal TrioTask Task { get; set; } = null!;

    /// <summary>Gets or sets the caller's waiter.</summary>
    internal Waiter Waiter { get; set; } = null!;

    /// <summary>Gets a value indicating whether Started moved the task into the nursery.</summary>
    internal bool MovedIntoNursery { get; private set; }

    /// <summary>Reports that the task has started: it moves into the nursery, and the caller's <c>StartAsync</c> returns <paramref name="value"/>.</summary>
    /// <param name="value">The value for the caller.</param>
    /// <exception cref="InvalidOperationException">Called twice, or off the run's loop thread.</exception>
    public void Started(T value)
    {
        if (_nursery is null)
        {
            return;
        }

        Task.Runner.ThrowIfNotLoopThread("StartStatus.Started");
        if (HasStarted)
        {
            throw new InvalidOperationException($"Started was called twice on the StartStatus of {Task.Path}: call it once, when the task is ready.");
        }

        HasStarted = true;
        Value = value;
        if (_callerScope!.IsEffectivelyCancelled)
        {
            // Trio: if the caller is being cancelled, the task stays under it and StartAsync reports what happens next.
            return;
        }

        MovedIntoNursery = true;
        _nursery.AdoptStartedChild(this);
    }
}

/// <summary>The value-less form of <see cref="StartStatus{T}"/>, given by <see cref="Nursery.StartAsync(Func{StartStatus, Task}, string?, string, int)"/>.</summary>
public sealed class StartStatus
{
    /// <summary>The status this one forwards to.</summary>
    private readonly StartStatus<object?>? _inner;

    internal StartStatus(StartStatus<object?> inner) => _inner = inner;

    /// <summary>Initializes the status behind <see cref="Ignored"/>.</summary>
    private StartStatus()
    {
    }

    /// <summary>Gets a status whose <see cref="Started"/> does nothing (Trio's <c>TASK_STATUS_IGNORED</c>).</summary>
    public static StartStatus Ignored { get; } = new();

    /// <summary>Gets a value indicating whether <see cref="Started"/> was called.</summary>
    public bool HasStarted => _inner?.HasStarted ?? false;

    /// <summary>Reports that the task has started: it moves into the nursery and the caller's <c>StartAsync</c> returns.</summary>
    /// <exception cref="InvalidOperationException">Called twice, or off the run's loop thread.</exception>
    public void Started() => _inner?.Started(null);
}
