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
    public async ValueTask<T> ReceiveAsync([CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
    {
        Runner runner = Runner.GetCurrent("MemoryReceiveChannel.ReceiveAsync");
        ObjectDisposedException.ThrowIf(IsClosed, this);
        Ambient ambient = runner.CurrentAmbient();
        Runner.BindToTask(ambient.Task);
        try
        {
            if (ambient.Scope.IsEffectivelyCancelled)
            {
                await runner.CheckpointAsync(CheckpointKind.Checkpoint, _state.Name, filePath, line);
            }

            if (_state.TryReceive(out T value))
            {
                ambient.Task.CancelPoints++;
                await runner.CheckpointAsync(CheckpointKind.Shielded, _state.Name, filePath, line);
                return value;
            }

            ValueTask parked = _state.Receivers.Park(runner, null, filePath, line, out Waiter? waiter);
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
        ObjectDisposedException.ThrowIf(IsClosed, this);
        return _state.TryReceive(out value);
    }

    /// <summary>Opens another receive end on the same channel; sends fail only when every receive end is closed.</summary>
    /// <returns>The new end.</returns>
    /// <exception cref="ObjectDisposedException">This end is closed.</exception>
    public MemoryReceiveChannel<T> Clone()
    {
        ObjectDisposedException.ThrowIf(IsClosed, this);
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

    /// <summary>Closes this end.</summary>
    /// <returns>A completed task.</returns>
    public ValueTask DisposeAsync()
    {
        Close();
        return default;
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
                value = await ReceiveAsync();
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

    /// <inheritdoc/>
    public override string ToString() => $"receive end of {_state.Name}{(IsClosed ? " (closed)" : string.Empty)}";
}
