namespace TrioTest.Testing;

/// <summary>
/// An unbounded queue of bytes with one reader at a time (Trio's <c>_UnboundedByteQueue</c>): the buffer inside
/// <see cref="MemorySendStream"/> and <see cref="MemoryReceiveStream"/>. Once closed, readers drain what is left and then
/// get empty arrays forever.
/// </summary>
internal sealed class ByteQueue
{
    /// <summary>The reader waiting for data.</summary>
    private readonly ParkingLot _lot;

    /// <summary>Rejects a second reader while one is waiting.</summary>
    private readonly ConflictDetector _fetching;

    /// <summary>The storage; the queued bytes are <c>_buffer[_start.._start + _count]</c>.</summary>
    private byte[] _buffer = [];

    /// <summary>Where the queued bytes start in <see cref="_buffer"/>.</summary>
    private int _start;

    /// <summary>How many bytes are queued.</summary>
    private int _count;

    /// <summary>Initializes an empty, open queue.</summary>
    /// <param name="owner">The stream that owns the queue, named in traces, deadlock reports and errors.</param>
    public ByteQueue(string owner)
    {
        _lot = new ParkingLot($"{owner} data");
        _fetching = new ConflictDetector($"fetching data from this {owner}", "a stream's data is read by one task at a time");
    }

    /// <summary>Gets how many bytes are queued.</summary>
    public int Count => _count;

    /// <summary>Gets a value indicating whether the queue is closed: no more bytes can be put.</summary>
    public bool IsClosed { get; private set; }

    /// <summary>Appends <paramref name="data"/> and wakes the reader.</summary>
    /// <param name="data">The bytes; empty data only checks that the queue is open.</param>
    /// <returns><see langword="true"/> if the bytes were queued; <see langword="false"/> if the queue is closed.</returns>
    public bool TryPut(ReadOnlySpan<byte> data)
    {
        if (IsClosed)
        {
            return false;
        }

        if (data.IsEmpty)
        {
            return true;
        }

        if (_start + _count + data.Length > _buffer.Length)
        {
            var grown = new byte[Math.Max(_buffer.Length * 2, _count + data.Length)];
            _buffer.AsSpan(_start, _count).CopyTo(grown);
            _buffer = grown;
            _start = 0;
        }

        data.CopyTo(_buffer.AsSpan(_start + _count));
        _count += data.Length;
        _lot.UnparkAll();
        return true;
    }

    /// <summary>Closes the queue, keeping what is queued for the reader, and wakes the reader. Closing twice does nothing more.</summary>
    public void Close()
    {
        IsClosed = true;
        _lot.UnparkAll();
    }

    /// <summary>Drops what is queued, then closes the queue.</summary>
    public void CloseAndWipe()
    {
        _start = 0;
        _count = 0;
        Close();
    }

    /// <summary>Takes up to <paramref name="maxBytes"/> bytes if some are queued or the queue is closed (Trio's <c>get_nowait</c>).</summary>
    /// <param name="maxBytes">The most bytes to take; <see langword="null"/> for all of them.</param>
    /// <param name="data">The bytes taken; empty when the queue is closed and drained.</param>
    /// <returns><see langword="false"/> if the queue is empty and open, so a read would wait; otherwise, <see langword="true"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is less than 1.</exception>
    /// <exception cref="BusyResourceException">Another task is waiting in <see cref="GetAsync"/>.</exception>
    public bool TryGet(int? maxBytes, out byte[] data)
    {
        ValidateMaxBytes(maxBytes);
        _fetching.ThrowIfHeld();
        if (_count == 0 && !IsClosed)
        {
            data = [];
            return false;
        }

        data = Take(maxBytes);
        return true;
    }

    /// <summary>
    /// Takes up to <paramref name="maxBytes"/> bytes, waiting while the queue is empty and open: a checkpoint. Call it from a
    /// method built with a loop method builder, so its caller resumes on the loop.
    /// </summary>
    /// <param name="task">The calling task.</param>
    /// <param name="maxBytes">The most bytes to take; <see langword="null"/> for all of them.</param>
    /// <returns>The bytes; empty once the queue is closed and drained.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is less than 1.</exception>
    /// <exception cref="BusyResourceException">Another task is reading.</exception>
    /// <exception cref="Cancelled">The scope was cancelled first; nothing is then taken.</exception>
    public async ValueTask<byte[]> GetAsync(TrioTask task, int? maxBytes)
    {
        ValidateMaxBytes(maxBytes);
        _fetching.Enter(task);
        try
        {
            if (_count != 0 || IsClosed)
            {
                await Trio.CheckpointAsync(_lot.Name, string.Empty, 0);
            }
            else
            {
                // A loop, not one park: only data or closing end the wait, whatever woke the reader.
                do
                {
                    await _lot.ParkAsync(string.Empty, 0);
                }
                while (_count == 0 && !IsClosed);
            }

            return Take(maxBytes);
        }
        finally
        {
            _fetching.Exit();
        }
    }

    /// <summary>Throws if <paramref name="maxBytes"/> is given and less than 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is less than 1.</exception>
    public static void ValidateMaxBytes(int? maxBytes)
    {
        if (maxBytes is { } value)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(maxBytes));
        }
    }

    /// <summary>Removes and returns up to <paramref name="maxBytes"/> bytes from the front.</summary>
    private byte[] Take(int? maxBytes)
    {
        int length = Math.Min(_count, maxBytes ?? int.MaxValue);
        byte[] taken = _buffer.AsSpan(_start, length).ToArray();
        _start += length;
        _count -= length;
        if (_count == 0)
        {
            _start = 0;
        }

        return taken;
    }
}
