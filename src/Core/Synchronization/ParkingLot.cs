using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace TrioTest;

/// <summary>
/// Trio's <c>ParkingLot</c>: a FIFO queue of parked tasks, the base of every synchronization primitive. A task parks
/// with <see cref="ParkAsync"/>; another wakes the longest-waiting ones with <see cref="Unpark"/>. A parked task whose
/// cancel scope is cancelled leaves the queue cleanly and sees <see cref="Cancelled"/>.
/// </summary>
/// <remarks>Use it on the loop thread of a run. Wake order is the parking order, so it is the same in every run with the same seed.</remarks>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class ParkingLot : IWaitQueue
{
    /// <summary>Parked waiters, longest-waiting first.</summary>
    private readonly LinkedList<Waiter> _waiters = new();

    /// <summary>Initializes an empty lot.</summary>
    /// <param name="name">A name shown in traces and deadlock reports, such as <c>Lock "accounts"</c>.</param>
    public ParkingLot(string? name = null) => Name = name ?? "ParkingLot";

    /// <summary>Gets the lot's name, as traces and deadlock reports show it.</summary>
    public string Name { get; }

    /// <summary>Gets how many tasks are parked.</summary>
    public int Count => _waiters.Count;

    /// <summary>Gets or sets what to do when a parked waiter leaves because its scope was cancelled.</summary>
    internal Action<Waiter>? OnCancelled { get; init; }

    /// <summary>Gets or sets the primitive built on this lot, which reports who holds what its waiters wait for.</summary>
    internal IHeldResource? Resource { get; set; }

    /// <summary>Parks the calling task until <see cref="Unpark"/> or <see cref="UnparkAll"/> wakes it: a checkpoint that blocks.</summary>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    /// <returns>An awaitable that completes when the task is unparked; await it exactly once.</returns>
    /// <exception cref="InvalidOperationException">Not inside a run, or not on its loop thread.</exception>
    /// <exception cref="Cancelled">Thrown by the await if the scope is cancelled while parked (the task has left the lot).</exception>
    public ValueTask ParkAsync([CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0) =>
        Park(Runner.GetCurrent("ParkingLot.ParkAsync"), null, filePath, line, out _);

    /// <summary>Wakes the <paramref name="count"/> longest-parked tasks.</summary>
    /// <param name="count">How many to wake; zero or more.</param>
    /// <returns>How many were woken (fewer if fewer were parked).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">Called off the run's loop thread.</exception>
    public int Unpark(int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ThrowIfOffLoop("ParkingLot.Unpark");
        int woken = 0;
        while (woken < count && _waiters.First is { } node)
        {
            Waiter waiter = node.Value;
            Remove(waiter);
            TrioTask task = waiter.Task!;
            waiter.Wake();
            task.Runner.Instruments.OnUnparked(task, Name);
            woken++;
        }

        return woken;
    }

    /// <summary>Wakes every parked task.</summary>
    /// <returns>How many were woken.</returns>
    /// <exception cref="InvalidOperationException">Called off the run's loop thread.</exception>
    public int UnparkAll() => Unpark(_waiters.Count);

    /// <summary>Moves the <paramref name="count"/> longest-parked tasks, still parked, to the end of <paramref name="newLot"/>.</summary>
    /// <param name="newLot">The lot to move them to.</param>
    /// <param name="count">How many to move; zero or more.</param>
    /// <returns>How many were moved.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="newLot"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">Called off the run's loop thread.</exception>
    public int Repark(ParkingLot newLot, int count = 1)
    {
        ArgumentNullException.ThrowIfNull(newLot);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ThrowIfOffLoop("ParkingLot.Repark");
        int moved = 0;
        while (moved < count && _waiters.First is { } node)
        {
            Waiter waiter = node.Value;
            Remove(waiter);
            newLot.Add(waiter);
            moved++;
        }

        return moved;
    }

    /// <summary>Gets the lot's statistics.</summary>
    /// <returns>How many tasks are parked.</returns>
    public ParkingLotStatistics GetStatistics() => new(_waiters.Count);

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({_waiters.Count} parked)";

    /// <inheritdoc/>
    bool IWaitQueue.TryRemove(Waiter waiter)
    {
        if (waiter.LotNode is not null)
        {
            Remove(waiter);
            OnCancelled?.Invoke(waiter);
        }

        return true;
    }

    /// <summary>Parks the calling task; the primitives' entry point, with their label.</summary>
    internal ValueTask Park(Runner runner, string? label, string filePath, int line, out Waiter? waiter)
    {
        ValueTask wait = runner.ParkAsync(WaitDescription.Of(Name), this, label ?? Name, filePath, line, out waiter);
        if (waiter is not null)
        {
            waiter.LotNode = _waiters.AddLast(waiter);
        }

        return wait;
    }

    /// <summary>Gets the task parked longest, without waking it.</summary>
    internal TrioTask? PeekFirstTask() => _waiters.First?.Value.Task;

    /// <summary>Takes the waiter parked longest out of the lot, without waking it.</summary>
    internal void TakeFirst() => Remove(_waiters.First!.Value);

    /// <summary>Gets the waiter parked longest, without waking it.</summary>
    internal Waiter? PeekFirstWaiter() => _waiters.First?.Value;

    /// <summary>Adds a parked waiter at the end (a repark).</summary>
    private void Add(Waiter waiter)
    {
        waiter.Queue = this;
        waiter.Redescribe(WaitDescription.Of(Name));
        waiter.LotNode = _waiters.AddLast(waiter);
    }

    /// <summary>Takes a waiter out of the queue.</summary>
    private void Remove(Waiter waiter)
    {
        _waiters.Remove(waiter.LotNode!);
        waiter.LotNode = null;
    }

    /// <summary>
    /// Throws if the caller is not on the loop of the run this lot serves: a parked task's run, or the run whose code is
    /// calling from another thread. Outside any run (setting state up before <c>Trio.Run</c>) the call is allowed.
    /// </summary>
    internal void ThrowIfOffLoop(string api)
    {
        if (_waiters.First is { } node)
        {
            node.Value.Task!.Runner.ThrowIfNotLoopThread(api);
        }
        else if (Runner.CurrentOrNull is null && Ambient.Current is not null)
        {
            throw ThrowHelper.NotOnLoop(api, insideRun: true);
        }
    }
}
