using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace TrioTest;

/// <summary>
/// Trio's <c>Semaphore</c>: a counter that <see cref="AcquireAsync"/> decrements, waiting while it is zero, and
/// <see cref="Release"/> increments, handing the unit straight to the task that waited longest.
/// </summary>
/// <remarks>Named <c>AsyncSemaphore</c> because <c>System.Threading.Semaphore</c> is in every project's implicit usings. Unlike a lock, it has no owner: any task may release.</remarks>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class AsyncSemaphore
{
    /// <summary>The waiters.</summary>
    private readonly ParkingLot _lot;

    /// <summary>Initializes a semaphore.</summary>
    /// <param name="initialValue">The starting value; zero or more.</param>
    /// <param name="maxValue">The largest value a release may reach, or <see langword="null"/> for none.</param>
    /// <param name="name">A name shown in traces and deadlock reports.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="initialValue"/> is negative or above <paramref name="maxValue"/>.</exception>
    public AsyncSemaphore(int initialValue, int? maxValue = null, string? name = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(initialValue);
        if (maxValue is { } max && initialValue > max)
        {
            throw new ArgumentOutOfRangeException(nameof(initialValue), initialValue, $"The initial value must not exceed maxValue ({max}).");
        }

        Value = initialValue;
        MaxValue = maxValue;
        _lot = new ParkingLot(name is null ? "Semaphore" : $"Semaphore \"{name}\"");
    }

    /// <summary>Gets the current value.</summary>
    public int Value { get; private set; }

    /// <summary>Gets the largest value a release may reach, if any.</summary>
    public int? MaxValue { get; }

    /// <summary>Decrements the value, waiting while it is zero: a checkpoint.</summary>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    /// <returns>An awaitable; await it exactly once.</returns>
    /// <exception cref="InvalidOperationException">Outside a run or off its loop thread.</exception>
    /// <exception cref="Cancelled">Thrown by the await if the scope is cancelled first; nothing is then taken.</exception>
    public ValueTask AcquireAsync([CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
    {
        Runner runner = Runner.GetCurrent("AsyncSemaphore.AcquireAsync");
        Ambient ambient = runner.CurrentAmbient();
        if (ambient.Scope.IsEffectivelyCancelled)
        {
            return runner.CancelledCheckpointAsync(ambient, _lot.Name, filePath, line);
        }

        if (Value > 0)
        {
            Value--;
            ambient.Task.CancelPoints++;
            return runner.CheckpointAsync(CheckpointKind.Shielded, _lot.Name, filePath, line);
        }

        return _lot.Park(runner, null, filePath, line, out _);
    }

    /// <summary>Decrements the value if it is positive; never blocks, never yields.</summary>
    /// <returns><see langword="true"/> if a unit was taken.</returns>
    /// <exception cref="InvalidOperationException">Called from another thread while a run uses the semaphore.</exception>
    public bool TryAcquire()
    {
        _lot.ThrowIfOffLoop("AsyncSemaphore.TryAcquire");
        if (Value == 0)
        {
            return false;
        }

        Value--;
        return true;
    }

    /// <summary>Increments the value, or hands the unit to the task that has waited longest.</summary>
    /// <exception cref="InvalidOperationException">The value would exceed <see cref="MaxValue"/>, or the call is from another thread while a run uses the semaphore.</exception>
    public void Release()
    {
        _lot.ThrowIfOffLoop("AsyncSemaphore.Release");
        if (_lot.Count != 0)
        {
            _lot.Unpark(1);
            return;
        }

        if (MaxValue is { } max && Value >= max)
        {
            throw new InvalidOperationException(
                $"{_lot.Name} was released more times than it was acquired: its value would exceed MaxValue ({max}). Release once per acquire.");
        }

        Value++;
    }

    /// <summary>Gets the semaphore's statistics.</summary>
    /// <returns>Its value, maximum and waiters.</returns>
    public SemaphoreStatistics GetStatistics() => new(Value, MaxValue, _lot.Count);

    /// <inheritdoc/>
    public override string ToString() => $"{_lot.Name} (value {Value}{(MaxValue is { } max ? $" of {max}" : string.Empty)}, {_lot.Count} waiting)";
}
