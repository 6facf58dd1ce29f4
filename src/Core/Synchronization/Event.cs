using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace TrioTest;

/// <summary>
/// Trio's <c>Event</c>: a flag that starts unset and, once <see cref="Set"/>, stays set; <see cref="WaitAsync"/> blocks
/// until it is. Waiters wake in the order they started waiting.
/// </summary>
/// <example>
/// <code>
/// var ready = new Event("ready");
/// nursery.StartSoon(async () => { await ready.WaitAsync(); /* go */ });
/// ready.Set();
/// </code>
/// </example>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class Event
{
    /// <summary>The waiters.</summary>
    private readonly ParkingLot _lot;

    /// <summary>Initializes an unset event.</summary>
    /// <param name="name">A name shown in traces and deadlock reports.</param>
    public Event(string? name = null) => _lot = new ParkingLot(name is null ? "Event" : $"Event \"{name}\"");

    /// <summary>Gets a value indicating whether the event is set.</summary>
    public bool IsSet { get; private set; }

    /// <summary>Sets the event and wakes every waiter; setting it again does nothing.</summary>
    /// <exception cref="InvalidOperationException">Called from another thread while a run uses the event: set it from one of the run's tasks.</exception>
    public void Set()
    {
        _lot.ThrowIfOffLoop("Event.Set");
        if (IsSet)
        {
            return;
        }

        IsSet = true;
        _lot.UnparkAll();
    }

    /// <summary>Waits until the event is set: a checkpoint, which blocks while the event is unset.</summary>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    /// <returns>An awaitable; await it exactly once.</returns>
    /// <exception cref="InvalidOperationException">Not inside a run, or not on its loop thread.</exception>
    /// <exception cref="Cancelled">Thrown by the await if the scope is cancelled first.</exception>
    public ValueTask WaitAsync([CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
    {
        Runner runner = Runner.GetCurrent("Event.WaitAsync");
        return IsSet
            ? runner.CheckpointAsync(CheckpointKind.Checkpoint, _lot.Name, filePath, line)
            : _lot.Park(runner, null, filePath, line, out _);
    }

    /// <summary>Gets the event's statistics.</summary>
    /// <returns>Whether it is set and how many tasks wait.</returns>
    public EventStatistics GetStatistics() => new(IsSet, _lot.Count);

    /// <inheritdoc/>
    public override string ToString() => $"{_lot.Name} ({(IsSet ? "set" : "unset")}, {_lot.Count} waiting)";
}
