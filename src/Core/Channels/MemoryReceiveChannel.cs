using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace TrioTest;

/// <summary>
/// The receive end of a memory channel (<see cref="MemoryChannel.Open{T}"/>). Enumerate it with <c>await foreach</c>
/// to read until every send end is closed. Clone it to share the stream between consumers (each value goes to one).
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class MemoryReceiveChannel<T> : IAsyncDisposable, IDisposable, IAsyncEnumerable<T>
{
    /// <summary>The channel.</summary>
    private readonly MemoryChannelState<T> _state;

    /// <summary>Tasks parked in this end, woken if it is closed under them.</summary>
    private readonly ParkedInEnd _parked = new();

    internal MemoryReceiveChannel(MemoryChannelState<T> state) => _state = state;

    /// <summary>Gets a value indicating whether this end is closed.</summary>
    public bool IsClosed { get; private set; }

    /// <summary>Receives the next value, waiting until one is sent: a checkpoint.</summary>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    /// <returns>The value.</returns>
    /// <exception cref="EndOfChannelException">Every send end is closed and the buffer is empty.</exception>
    /// <exception cref="ObjectDisposedException">This end is closed.</exception>
    /// <exception cref="InvalidOperationException">Outside a run or off its loop thread.</exception>
    /// <exception cref="Cancelled">The scope was cancelled first; no value is then taken.</exception>
    public ValueTask<T> ReceiveAsync([CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0) =>
        ReceiveAsync(null, filePath, line);

    /// <summary>Receives the next value, with a checkpoint label (the enumerator names itself).</summary>
    private async ValueTask<T> ReceiveAsync(string? label, string filePath, int line)
    {
        Runner runner = Runner.GetCurrent("MemoryReceiveChannel.ReceiveAsync");
        Ambient ambient = runner.CurrentAmbient();
        Runner.BindToTask(ambient.Task);
        try
        {
            if (ambient.Scope.IsEffectivelyCancelled)
            {
                await runner.CancelledCheckpointAsync(ambient, label ?? _state.Name, filePath, line);
            }

            ThrowIfClosed();

            if (_state.TryReceive(out T value))
            {
                ambient.Task.CancelPoints++;
                await runner.CheckpointAsync(CheckpointKind.Shielded, label ?? _state.Name, filePath, line);
                return value;
            }

            ValueTask parked = _state.Receivers.Park(runner, label, filePath, line, out Waiter? waiter);
            if (waiter is null)
            {
                // Only when the scope is cancelled, which was checked above; await the checkpoint it became.
                await parked;
                throw new InvalidOperationException("unreachable: a cancelled receive parked");
            }

            _parked.Track(waiter);
            return (T)(await new ValueTask<object?>(waiter, waiter.Version))!;
        }
        finally
        {
            Runner.CompleteWithoutContext();
        }
    }

    /// <summary>Receives a value if one is ready (Trio's <c>receive_nowait</c>).</summary>
    /// <param name="value">The value, when one was ready.</param>
    /// <returns><see langword="true"/> if a value was taken; <see langword="false"/> if a receive would wait.</returns>
    /// <exception cref="EndOfChannelException">Every send end is closed and the buffer is empty, so no value will ever come.</exception>
    /// <exception cref="ObjectDisposedException">This end is closed.</exception>
    public bool TryReceive(out T value)
    {
        _state.Receivers.ThrowIfOffLoop("MemoryReceiveChannel.TryReceive");
        ThrowIfClosed();
        return _state.TryReceive(out value);
    }

    /// <summary>Opens another receive end on the same channel; sends fail only when every receive end is closed.</summary>
    /// <returns>The new end.</returns>
    /// <exception cref="ObjectDisposedException">This end is closed.</exception>
    public MemoryReceiveChannel<T> Clone()
    {
        ThrowIfClosed();
        _state.OpenReceivers++;
        return new MemoryReceiveChannel<T>(_state);
    }

    /// <summary>
    /// Closes this end; tasks blocked receiving on it get <see cref="ObjectDisposedException"/>. When the last receive end
    /// closes, buffered values are dropped and senders get <see cref="BrokenResourceException"/>. Closing twice does nothing.
    /// </summary>
    public void Close()
    {
        if (IsClosed)
        {
            return;
        }

        _state.Receivers.ThrowIfOffLoop("MemoryReceiveChannel.Close");
        _parked.AbortAll(this);
        IsClosed = true;
        if (--_state.OpenReceivers == 0)
        {
            _state.OnLastReceiverClosed();
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

    /// <summary>Enumerates the values until every send end is closed. Each step is a receive, and so a checkpoint.</summary>
    /// <param name="cancellationToken">Checked before each receive; to interrupt a receive that waits, cancel its scope.</param>
    /// <returns>The enumerator.</returns>
    public async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            T value;
            try
            {
                value = await ReceiveAsync($"receive from {_state.Name} (await foreach)", string.Empty, 0);
            }
            catch (EndOfChannelException)
            {
                yield break;
            }

            yield return value;
        }
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
    public override string ToString() => $"receive end of {_state.Name}{(IsClosed ? " (closed)" : string.Empty)}";
}
