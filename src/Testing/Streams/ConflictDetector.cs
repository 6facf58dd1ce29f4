namespace TrioTest.Testing;

/// <summary>
/// Detects two tasks using one side of a stream at once (Trio's <c>ConflictDetector</c>): the second call gets a
/// <see cref="BusyResourceException"/> naming the task of the call that got there first.
/// </summary>
/// <remarks>Everything runs on the loop thread, so a flag is enough: no two steps run at once.</remarks>
internal sealed class ConflictDetector
{
    /// <summary>What the holder is doing, as the error says it ("sending on MemorySendStream").</summary>
    private readonly string _activity;

    /// <summary>What the caller may do instead, the error's last sentence.</summary>
    private readonly string _advice;

    /// <summary>The task using the resource, or <see langword="null"/> while nobody is.</summary>
    private TrioTask? _holder;

    /// <summary>Initializes a detector whose errors describe <paramref name="activity"/>.</summary>
    /// <param name="activity">What the holder is doing, such as <c>"sending on this MemorySendStream"</c>.</param>
    /// <param name="advice">Which calls take one task at a time, such as <c>"WriteAsync takes one task at a time"</c>.</param>
    public ConflictDetector(string activity, string advice)
    {
        _activity = activity;
        _advice = advice;
    }

    /// <summary>Gets a value indicating whether a task holds the resource.</summary>
    public bool IsHeld => _holder is not null;

    /// <summary>Marks <paramref name="task"/> as the user; pair it with <see cref="Exit"/> in a <c>finally</c>.</summary>
    /// <param name="task">The task starting to use the resource.</param>
    /// <exception cref="BusyResourceException">Another task is using it.</exception>
    public void Enter(TrioTask task)
    {
        ThrowIfHeld();
        _holder = task;
    }

    /// <summary>Marks the resource free.</summary>
    public void Exit() => _holder = null;

    /// <summary>Throws if a task is using the resource.</summary>
    /// <exception cref="BusyResourceException">Another task is using it.</exception>
    public void ThrowIfHeld()
    {
        if (_holder is { } holder)
        {
            throw new BusyResourceException($"Another call (in task {holder.Path}) is already {_activity}: {_advice}.");
        }
    }
}
