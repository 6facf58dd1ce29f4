using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace TrioTest;

/// <summary>
/// Trio's <c>Condition</c>: tasks holding its <see cref="Lock"/> wait with <see cref="WaitAsync"/> until another task
/// holding the lock calls <see cref="NotifyOne"/> or <see cref="NotifyAll"/>. Notified waiters move to the lock's queue,
/// so they retake the lock one at a time, in the order they waited, with no thundering herd.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class Condition
{
    /// <summary>The tasks waiting to be notified.</summary>
    private readonly ParkingLot _lot;

    /// <summary>Initializes a condition over <paramref name="lock"/>, or over a new lock.</summary>
    /// <param name="lock">The lock; a new <see cref="AsyncLock"/> if null.</param>
    /// <param name="name">A name shown in traces and deadlock reports.</param>
    public Condition(AsyncLock? @lock = null, string? name = null)
    {
        Lock = @lock ?? new AsyncLock(name);
        _lot = new ParkingLot(name is null ? "Condition" : $"Condition \"{name}\"");
    }

    /// <summary>Gets the lock a task must hold to wait or notify.</summary>
    public AsyncLock Lock { get; }

    /// <summary>
    /// Releases the lock, waits to be notified, and retakes the lock before returning, even when cancelled (the
    /// <see cref="Cancelled"/> propagates with the lock held again, so a <c>using</c> block stays balanced).
    /// </summary>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    /// <returns>A task that completes, with the lock held, once notified.</returns>
    /// <exception cref="InvalidOperationException">The calling task does not hold the lock, or the call is outside a run or off its loop thread.</exception>
    /// <exception cref="Cancelled">The scope was cancelled while waiting; the lock is held again.</exception>
    [AsyncMethodBuilder(typeof(LoopTaskMethodBuilder))]
    public async Task WaitAsync([CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
    {
        Runner runner = Runner.GetCurrent("Condition.WaitAsync");
        TrioTask task = runner.CurrentAmbient().Task;
        if (Lock.Owner != task)
        {
            throw new InvalidOperationException($"Task {task.Path} waited on {_lot.Name} without holding its lock: acquire Condition.Lock first.");
        }

        Lock.Release();
        try
        {
            await _lot.Park(runner, null, filePath, line, out _);
        }
        catch (Cancelled)
        {
            if (Lock.Owner != task)
            {
                await new CancelScope { Shield = true }.RunAsync(() => Lock.AcquireAsync(filePath, line).AsTask());
            }

            throw;
        }
    }

    /// <summary>Wakes the task that has waited longest: it retakes the lock once the caller releases it.</summary>
    /// <exception cref="InvalidOperationException">The calling task does not hold the lock.</exception>
    public void NotifyOne() => Notify(1, "NotifyOne");

    /// <summary>Wakes every waiting task: they retake the lock one at a time, in the order they waited.</summary>
    /// <exception cref="InvalidOperationException">The calling task does not hold the lock.</exception>
    public void NotifyAll() => Notify(int.MaxValue, "NotifyAll");

    /// <summary>Gets the condition's statistics.</summary>
    /// <returns>How many tasks wait to be notified, and the lock's statistics.</returns>
    public ConditionStatistics GetStatistics() => new(_lot.Count, Lock.GetStatistics());

    /// <inheritdoc/>
    public override string ToString() => $"{_lot.Name} ({_lot.Count} waiting, {Lock})";

    /// <summary>Moves up to <paramref name="count"/> waiters to the lock's queue.</summary>
    private void Notify(int count, string api)
    {
        TrioTask task = Runner.GetCurrent($"Condition.{api}").CurrentAmbient().Task;
        if (Lock.Owner != task)
        {
            throw new InvalidOperationException($"Task {task.Path} called {api} on {_lot.Name} without holding its lock: acquire Condition.Lock first.");
        }

        _lot.Repark(Lock.Lot, count);
    }
}
