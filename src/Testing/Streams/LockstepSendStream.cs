using System.Runtime.CompilerServices;

namespace TrioTest.Testing;

/// <summary>
/// The sending side of an unbuffered in-memory stream, made by <see cref="LockstepStreams.CreateOneWayPair"/>: a write
/// returns only once the <see cref="LockstepReceiveStream"/> has read all of its bytes.
/// </summary>
/// <remarks>
/// A write throws <see cref="ObjectDisposedException"/> if this side is closed (before or during the write), and
/// <see cref="BrokenResourceException"/> if the receiving side is closed before it has read everything. A second task
/// writing, or waiting in <see cref="WaitSendAllMightNotBlockAsync"/>, at the same time gets
/// <see cref="BusyResourceException"/>. Closing twice does nothing more.
/// </remarks>
/// <example>
/// <code>
/// var (send, receive) = LockstepStreams.CreateOneWayPair();
/// nursery.StartSoon(async () => await send.WriteAsync("hi"u8.ToArray()));   // returns after the read below
/// int read = await receive.ReadAsync(buffer);
/// </code>
/// </example>
public sealed class LockstepSendStream : CheckpointStream
{
    /// <summary>The connection to the receiving side.</summary>
    private readonly LockstepQueue _queue;

    /// <summary>Initializes the sending side of <paramref name="queue"/>.</summary>
    internal LockstepSendStream(LockstepQueue queue) => _queue = queue;

    /// <inheritdoc/>
    public override bool IsClosed => _queue.SenderClosed;

    /// <inheritdoc/>
    private protected override bool IsReadable => false;

    /// <inheritdoc/>
    private protected override bool IsWritable => true;

    /// <summary>
    /// Waits until a write might not block (Trio's <c>wait_send_all_might_not_block</c>): until a reader is waiting for
    /// data, or the receiving side is closed. A checkpoint.
    /// </summary>
    /// <returns>An awaitable; await it exactly once.</returns>
    /// <exception cref="ObjectDisposedException">This side is closed, before or during the wait.</exception>
    /// <exception cref="BusyResourceException">Another task is sending on the stream.</exception>
    /// <exception cref="InvalidOperationException">Outside a run or off its loop thread.</exception>
    /// <exception cref="Cancelled">The cancel scope was cancelled.</exception>
    [AsyncMethodBuilder(typeof(LoopValueTaskMethodBuilder))]
    public async ValueTask WaitSendAllMightNotBlockAsync()
    {
        TrioTask task = CurrentTask.Get($"{nameof(LockstepSendStream)}.{nameof(WaitSendAllMightNotBlockAsync)}");
        await _queue.WaitSendAllMightNotBlockAsync(task);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{nameof(LockstepSendStream)} ({(IsClosed ? "closed, " : string.Empty)}{_queue.Pending} bytes waiting for the reader)";

    /// <inheritdoc/>
    [AsyncMethodBuilder(typeof(LoopValueTaskMethodBuilder))]
    private protected override async ValueTask SendAllAsync(ReadOnlyMemory<byte> data)
    {
        TrioTask task = CurrentTask.Get($"{nameof(LockstepSendStream)}.WriteAsync");
        await _queue.SendAllAsync(task, data);
    }

    /// <summary>Closes the sending side: a waiting reader drains what is pending, then reads the end of the stream.</summary>
    /// <param name="disposing"><see langword="true"/> when called from <see cref="Stream.Dispose()"/>.</param>
    protected override void Dispose(bool disposing)
    {
        if (disposing && !_queue.SenderClosed)
        {
            _queue.CloseSender();
        }

        base.Dispose(disposing);
    }
}
