using System.Runtime.CompilerServices;

namespace TrioTest.Testing;

/// <summary>
/// The receiving side of an unbuffered in-memory stream, made by <see cref="LockstepStreams.CreateOneWayPair"/>: a read
/// waits for a write and takes up to the buffer's length of its bytes; the write returns once every byte is read.
/// </summary>
/// <remarks>
/// After the sending side is closed and its last write drained, every read returns 0. Closing this side wakes a waiting
/// read with <see cref="ObjectDisposedException"/> and makes the writer's send fail with
/// <see cref="BrokenResourceException"/>. A second task reading at the same time gets <see cref="BusyResourceException"/>.
/// </remarks>
/// <example>
/// <code>
/// var (send, receive) = LockstepStreams.CreateOneWayPair();
/// nursery.StartSoon(async () => await send.WriteAsync("hi"u8.ToArray()));
/// int read = await receive.ReadAsync(buffer);   // 2, and the write returns
/// </code>
/// </example>
public sealed class LockstepReceiveStream : CheckpointStream
{
    /// <summary>The connection to the sending side.</summary>
    private readonly LockstepQueue _queue;

    /// <summary>Initializes the receiving side of <paramref name="queue"/>.</summary>
    internal LockstepReceiveStream(LockstepQueue queue) => _queue = queue;

    /// <inheritdoc/>
    public override bool IsClosed => _queue.ReceiverClosed;

    /// <inheritdoc/>
    private protected override bool IsReadable => true;

    /// <inheritdoc/>
    private protected override bool IsWritable => false;

    /// <inheritdoc/>
    public override string ToString() =>
        $"{nameof(LockstepReceiveStream)} ({(IsClosed ? "closed, " : string.Empty)}{_queue.Pending} bytes offered by the writer)";

    /// <inheritdoc/>
    [AsyncMethodBuilder(typeof(LoopValueTaskMethodBuilder<>))]
    private protected override async ValueTask<int> ReceiveSomeAsync(Memory<byte> buffer)
    {
        TrioTask task = CurrentTask.Get($"{nameof(LockstepReceiveStream)}.ReadAsync");
        return await _queue.ReceiveSomeAsync(task, buffer);
    }

    /// <summary>Closes the receiving side: a waiting read and the writer's send fail.</summary>
    /// <param name="disposing"><see langword="true"/> when called from <see cref="Stream.Dispose()"/>.</param>
    protected override void Dispose(bool disposing)
    {
        if (disposing && !_queue.ReceiverClosed)
        {
            _queue.CloseReceiver();
        }

        base.Dispose(disposing);
    }
}
