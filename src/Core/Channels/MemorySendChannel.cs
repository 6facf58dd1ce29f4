using System.Runtime.CompilerServices;

namespace TrioTest;

/// <summary>
/// The send end of a memory channel (<see cref="MemoryChannel.Open{T}"/>). Clone it to give each producer its own end;
/// when every send end is closed, receivers get <see cref="EndOfChannelException"/> once the buffer is drained.
/// </summary>
public sealed class MemorySendChannel<T> : MemoryChannelEnd<T>
{
    internal MemorySendChannel(MemoryChannelState<T> state)
        : base(state)
    {
    }

    /// <inheritdoc/>
    private protected override string Kind => "send end";

    /// <summary>Sends <paramref name="value"/>, waiting while the buffer is full (or, at capacity 0, until a receiver takes it): a checkpoint.</summary>
    /// <param name="value">The value.</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    /// <returns>An awaitable; await it exactly once.</returns>
    /// <exception cref="ObjectDisposedException">This end is closed.</exception>
    /// <exception cref="BrokenResourceException">Every receive end is closed.</exception>
    /// <exception cref="InvalidOperationException">Outside a run or off its loop thread.</exception>
    /// <exception cref="Cancelled">Thrown by the await if the scope is cancelled first; the value is then not sent.</exception>
    public ValueTask SendAsync(T value, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
    {
        Runner runner = Runner.GetCurrent("MemorySendChannel.SendAsync");
        Ambient ambient = runner.CurrentAmbient();
        if (ambient.Scope.IsEffectivelyCancelled)
        {
            return runner.CancelledCheckpointAsync(ambient, State.Name, filePath, line);
        }

        ThrowIfClosed();

        if (State.TrySend(value))
        {
            ambient.Task.CancelPoints++;
            return runner.CheckpointAsync(CheckpointKind.Shielded, State.Name, filePath, line);
        }

        ValueTask wait = State.Senders.Park(runner, value, filePath, line, out Waiter? waiter);
        Track(waiter);
        return wait;
    }

    /// <summary>Sends <paramref name="value"/> if that needs no waiting (Trio's <c>send_nowait</c>).</summary>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> if a receiver took it or the buffer had room; <see langword="false"/> if a send would wait.</returns>
    /// <exception cref="ObjectDisposedException">This end is closed.</exception>
    /// <exception cref="BrokenResourceException">Every receive end is closed.</exception>
    public bool TrySend(T value)
    {
        State.Receivers.ThrowIfOffLoop("MemorySendChannel.TrySend");
        ThrowIfClosed();
        return State.TrySend(value);
    }

    /// <summary>Opens another send end on the same channel; the channel ends only when every send end is closed.</summary>
    /// <returns>The new end.</returns>
    /// <exception cref="ObjectDisposedException">This end is closed.</exception>
    public MemorySendChannel<T> Clone()
    {
        ThrowIfClosed();
        State.OpenSenders++;
        return new MemorySendChannel<T>(State);
    }

    /// <inheritdoc/>
    private protected override void OnClosed()
    {
        if (--State.OpenSenders == 0)
        {
            State.OnLastSenderClosed();
        }
    }
}
