namespace TrioTest.Testing;

/// <summary>
/// The unbuffered connection between a <see cref="LockstepSendStream"/> and a <see cref="LockstepReceiveStream"/>
/// (Trio's <c>_LockstepByteQueue</c>): a write waits until the reader has taken all of its bytes.
/// </summary>
/// <remarks>
/// Both sides wait in one <see cref="ParkingLot"/>, and every change of state (data put or taken, a reader arriving,
/// either side closing) wakes all of them to re-check their condition. Closing either side ends every wait, since each
/// side must react to it. Every wait ends with a checkpoint, whether or not it blocked.
/// </remarks>
internal sealed class LockstepQueue
{
    /// <summary>Every task waiting on the connection, whichever side.</summary>
    private readonly ParkingLot _lot = new("lockstep stream");

    /// <summary>Rejects a second task sending while one is.</summary>
    private readonly ConflictDetector _sending = new(
        $"sending on this {nameof(LockstepSendStream)}",
        "WriteAsync and WaitSendAllMightNotBlockAsync take one call at a time");

    /// <summary>Rejects a second task receiving while one is.</summary>
    private readonly ConflictDetector _receiving = new(
        $"receiving from this {nameof(LockstepReceiveStream)}",
        "ReadAsync takes one call at a time");

    /// <summary>The bytes of the write in progress that the reader has not taken yet.</summary>
    private byte[] _data = [];

    /// <summary>Where the untaken bytes start in <see cref="_data"/>.</summary>
    private int _start;

    /// <summary>Set while a reader waits for data: what <see cref="WaitSendAllMightNotBlockAsync"/> waits for.</summary>
    private bool _receiverWaiting;

    /// <summary>Gets a value indicating whether the send side is closed.</summary>
    public bool SenderClosed { get; private set; }

    /// <summary>Gets a value indicating whether the receive side is closed.</summary>
    public bool ReceiverClosed { get; private set; }

    /// <summary>Gets how many bytes of the write in progress the reader has not taken yet.</summary>
    public int Pending => _data.Length - _start;

    /// <summary>Closes the send side; the reader drains what is pending, then reads the end of the stream.</summary>
    public void CloseSender()
    {
        SenderClosed = true;
        _lot.UnparkAll();
    }

    /// <summary>Closes the receive side; a waiting writer gets <see cref="BrokenResourceException"/>.</summary>
    public void CloseReceiver()
    {
        ReceiverClosed = true;
        _lot.UnparkAll();
    }

    /// <summary>Sends <paramref name="data"/> and waits until the reader has taken all of it.</summary>
    public async ValueTask SendAllAsync(TrioTask task, ReadOnlyMemory<byte> data)
    {
        _sending.Enter(task);
        try
        {
            ThrowIfSenderClosed();
            if (ReceiverClosed)
            {
                throw new BrokenResourceException($"The {nameof(LockstepReceiveStream)} is closed: nobody will read what is sent.");
            }

            Append(data.Span);
            _lot.UnparkAll();
            await WaitForAsync(() => Pending == 0);
            ThrowIfSenderClosed();
            if (Pending != 0 && ReceiverClosed)
            {
                throw new BrokenResourceException($"The {nameof(LockstepReceiveStream)} was closed before it took all the data: {Pending} bytes were never read.");
            }
        }
        finally
        {
            _sending.Exit();
        }
    }

    /// <summary>Waits until a reader is waiting for data, or the receive side is closed.</summary>
    public async ValueTask WaitSendAllMightNotBlockAsync(TrioTask task)
    {
        _sending.Enter(task);
        try
        {
            ThrowIfSenderClosed();
            if (ReceiverClosed)
            {
                // A write would fail at once rather than block: that counts as not blocking.
                await Trio.CheckpointAsync(_lot.Name, string.Empty, 0);
                return;
            }

            await WaitForAsync(() => _receiverWaiting);
            ThrowIfSenderClosed();
        }
        finally
        {
            _sending.Exit();
        }
    }

    /// <summary>Takes up to <paramref name="buffer"/>'s length of the pending bytes, waiting for a write; 0 once the sender is closed and drained.</summary>
    public async ValueTask<int> ReceiveSomeAsync(TrioTask task, Memory<byte> buffer)
    {
        _receiving.Enter(task);
        try
        {
            ThrowIfReceiverClosed();
            _receiverWaiting = true;
            _lot.UnparkAll();
            try
            {
                await WaitForAsync(() => Pending != 0);
            }
            finally
            {
                _receiverWaiting = false;
            }

            ThrowIfReceiverClosed();
            if (Pending == 0)
            {
                // Only a closed sender ends the wait with nothing pending: the end of the stream.
                return 0;
            }

            int length = Math.Min(Pending, buffer.Length);
            _data.AsSpan(_start, length).CopyTo(buffer.Span);
            _start += length;
            _lot.UnparkAll();
            return length;
        }
        finally
        {
            _receiving.Exit();
        }
    }

    /// <summary>Parks until <paramref name="condition"/> holds or either side is closed, then passes a checkpoint.</summary>
    private async ValueTask WaitForAsync(Func<bool> condition)
    {
        while (!condition() && !SenderClosed && !ReceiverClosed)
        {
            await _lot.ParkAsync(string.Empty, 0);
        }

        await Trio.CheckpointAsync(_lot.Name, string.Empty, 0);
    }

    /// <summary>Adds <paramref name="data"/> to the pending bytes (normally there are none: the previous write waited for them).</summary>
    private void Append(ReadOnlySpan<byte> data)
    {
        byte[] combined = new byte[Pending + data.Length];
        _data.AsSpan(_start).CopyTo(combined);
        data.CopyTo(combined.AsSpan(Pending));
        _data = combined;
        _start = 0;
    }

    /// <summary>Throws if the send side is closed.</summary>
    /// <exception cref="ObjectDisposedException">The send side is closed.</exception>
    private void ThrowIfSenderClosed()
    {
        if (SenderClosed)
        {
            throw new ObjectDisposedException(nameof(LockstepSendStream), $"The {nameof(LockstepSendStream)} is closed: nothing more can be sent on it.");
        }
    }

    /// <summary>Throws if the receive side is closed, for the reader.</summary>
    /// <exception cref="ObjectDisposedException">The receive side is closed.</exception>
    private void ThrowIfReceiverClosed()
    {
        if (ReceiverClosed)
        {
            throw new ObjectDisposedException(nameof(LockstepReceiveStream), $"The {nameof(LockstepReceiveStream)} is closed: nothing more can be read from it.");
        }
    }
}
