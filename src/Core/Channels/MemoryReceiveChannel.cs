using System.Runtime.CompilerServices;

namespace TrioTest;

/// <summary>
/// The receive end of a memory channel (<see cref="MemoryChannel.Open{T}"/>). Enumerate it with <c>await foreach</c>
/// to read until every send end is closed. Clone it to share the stream between consumers (each value goes to one).
/// </summary>
public sealed class MemoryReceiveChannel<T> : MemoryChannelEnd<T>, IAsyncEnumerable<T>
{
    internal MemoryReceiveChannel(MemoryChannelState<T> state)
        : base(state)
    {
    }

    /// <inheritdoc/>
    private protected override string Kind => "receive end";

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
    [AsyncMethodBuilder(typeof(LoopValueTaskMethodBuilder<>))]
    private async ValueTask<T> ReceiveAsync(string? label, string filePath, int line)
    {
        Runner runner = Runner.GetCurrent("MemoryReceiveChannel.ReceiveAsync");
        Ambient ambient = runner.CurrentAmbient();
        if (ambient.Scope.IsEffectivelyCancelled)
        {
            await runner.CancelledCheckpointAsync(ambient, label ?? State.Name, filePath, line);
        }

        ThrowIfClosed();

        if (State.TryReceive(out T value))
        {
            ambient.Task.CancelPoints++;
            await runner.CheckpointAsync(CheckpointKind.Shielded, label ?? State.Name, filePath, line);
            return value;
        }

        ValueTask parked = State.Receivers.Park(runner, label, filePath, line, out Waiter? waiter);
        if (waiter is null)
        {
            // Only when the scope is cancelled, which was checked above; await the checkpoint it became.
            await parked;
            throw new InvalidOperationException("unreachable: a cancelled receive parked");
        }

        Track(waiter);
        return (T)(await new ValueTask<object?>(waiter, waiter.Version))!;
    }

    /// <summary>Receives a value if one is ready (Trio's <c>receive_nowait</c>).</summary>
    /// <param name="value">The value, when one was ready.</param>
    /// <returns><see langword="true"/> if a value was taken; <see langword="false"/> if a receive would wait.</returns>
    /// <exception cref="EndOfChannelException">Every send end is closed and the buffer is empty, so no value will ever come.</exception>
    /// <exception cref="ObjectDisposedException">This end is closed.</exception>
    public bool TryReceive(out T value)
    {
        State.Receivers.ThrowIfOffLoop("MemoryReceiveChannel.TryReceive");
        ThrowIfClosed();
        return State.TryReceive(out value);
    }

    /// <summary>Opens another receive end on the same channel; sends fail only when every receive end is closed.</summary>
    /// <returns>The new end.</returns>
    /// <exception cref="ObjectDisposedException">This end is closed.</exception>
    public MemoryReceiveChannel<T> Clone()
    {
        ThrowIfClosed();
        State.OpenReceivers++;
        return new MemoryReceiveChannel<T>(State);
    }

    /// <inheritdoc/>
    private protected override void OnClosed()
    {
        if (--State.OpenReceivers == 0)
        {
            State.OnLastReceiverClosed();
        }
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
                value = await ReceiveAsync($"receive from {State.Name} (await foreach)", string.Empty, 0);
            }
            catch (EndOfChannelException)
            {
                yield break;
            }

            yield return value;
        }
    }
}
