using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace TrioTest;

/// <summary>
/// The send end of a memory channel (<see cref="MemoryChannel.Open{T}"/>). Clone it to give each producer its own end;
/// when every send end is closed, receivers get <see cref="EndOfChannelException"/> once the buffer is drained.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class MemorySendChannel<T> : IAsyncDisposable, IDisposable
{
    /// <summary>The channel.</summary>
    private readonly MemoryChannelState<T> _state;

    /// <summary>Tasks parked in this end, woken if it is closed under them.</summary>
    private readonly ParkedInEnd _parked = new();

    internal MemorySendChannel(MemoryChannelState<T> state) => _state = state;

    /// <summary>Gets a value indicating whether this end is closed.</summary>
    public bool IsClosed { get; private set; }

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
            return runner.CancelledCheckpointAsync(ambient, _state.Name, filePath, line);
        }

        ThrowIfClosed();

        if (_state.TrySend(value))
        {
            ambient.Task.CancelPoints++;
            return runner.CheckpointAsync(CheckpointKind.Shielded, _state.Name, filePath, line);
        }

        ValueTask wait = _state.Senders.Park(runner, value, filePath, line, out Waiter? waiter);
        _parked.Track(waiter);
        return wait;
    }

    /// <summary>Sends <paramref name="value"/> if that needs no waiting (Trio's <c>send_nowait</c>).</summary>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> if a receiver took it or the buffer had room; <see langword="false"/> if a send would wait.</returns>
    /// <exception cref="ObjectDisposedException">This end is closed.</exception>
    /// <exception cref="BrokenResourceException">Every receive end is closed.</exception>
    public bool TrySend(T value)
    {
        _state.Receivers.ThrowIfOffLoop("MemorySendChannel.TrySend");
        ThrowIfClosed();
        return _state.TrySend(value);
    }

    /// <summary>Opens another send end on the same channel; the channel ends only when every send end is closed.</summary>
    /// <returns>The new end.</returns>
    /// <exception cref="ObjectDisposedException">This end is closed.</exception>
    public MemorySendChannel<T> Clone()
    {
        ThrowIfClosed();
        _state.OpenSenders++;
        return new MemorySendChannel<T>(_state);
    }

    /// <summary>Closes this end; tasks blocked sending on it get <see cref="ObjectDisposedException"/>. Closing twice does nothing.</summary>
    public void Close()
    {
        if (IsClosed)
        {
            return;
        }

        _state.Receivers.ThrowIfOffLoop("MemorySendChannel.Close");
        _parked.AbortAll(this);
        IsClosed = true;
        if (--_state.OpenSenders == 0)
        {
            _state.OnLastSenderClosed();
        }
    }

    /// <summary>Closes this end.</summary>
    public void Dispose() => Close();

    /// <summary>Closes this end, then passes a checkpoint (Trio's <c>aclose</c>); outside a run it only closes.</summary>
    /// <returns>An awaitable; await it exactly once.</returns>
    /// <exception cref="Cancelled">Thrown by the await if the scope is cancelled (the end is closed all the same).</exception>
    public ValueTask DisposeAsync()
    {
        Close();
        return Runner.CurrentOrNull is { IsLoopThread: true } runner
            ? runner.CheckpointAsync(CheckpointKind.Checkpoint, $"close {this}", string.Empty, 0)
            : default;
    }

    /// <summary>Gets the channel's statistics.</summary>
    /// <returns>The buffer, the open ends and the waiters.</returns>
    public MemoryChannelStatistics GetStatistics() => _state.GetStatistics();

    /// <summary>Throws <see cref="ObjectDisposedException"/> naming this end if it is closed.</summary>
    private void ThrowIfClosed()
    {
        if (IsClosed)
        {
            throw new ObjectDisposedException(ToString(), $"The {this} is closed: clone an end before closing it if another task still needs it.");
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"send end of {_state.Name}{(IsClosed ? " (closed)" : string.Empty)}";
}
