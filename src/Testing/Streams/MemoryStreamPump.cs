namespace TrioTest.Testing;

/// <summary>Moves bytes from a <see cref="MemorySendStream"/> into a <see cref="MemoryReceiveStream"/> (Trio's <c>memory_stream_pump</c>).</summary>
/// <example>
/// <code>
/// var send = new MemorySendStream();
/// var receive = new MemoryReceiveStream();
/// await send.WriteAsync(request);
/// MemoryStreamPump.Pump(send, receive, maxBytes: 1);   // deliver one byte at a time
/// </code>
/// </example>
public static class MemoryStreamPump
{
    /// <summary>
    /// Moves up to <paramref name="maxBytes"/> bytes from <paramref name="sendStream"/>'s buffer to
    /// <paramref name="receiveStream"/>; once the send stream is closed and drained, puts the end of the stream instead.
    /// Never yields: use it in hooks, or to deliver data step by step in a test.
    /// </summary>
    /// <param name="sendStream">The stream to take bytes from.</param>
    /// <param name="receiveStream">The stream to put them into.</param>
    /// <param name="maxBytes">The most bytes to move, at least 1; <see langword="null"/> for everything buffered.</param>
    /// <returns><see langword="true"/> if bytes moved or the end of the stream was put; <see langword="false"/> if the send stream's buffer was empty.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sendStream"/> or <paramref name="receiveStream"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is less than 1.</exception>
    /// <exception cref="BrokenResourceException"><paramref name="receiveStream"/> is closed, or its end was put while data was still coming; the bytes taken are lost.</exception>
    /// <exception cref="BusyResourceException">A task is waiting in <paramref name="sendStream"/>'s <see cref="MemorySendStream.GetDataAsync"/>.</exception>
    public static bool Pump(MemorySendStream sendStream, MemoryReceiveStream receiveStream, int? maxBytes = null)
    {
        ArgumentNullException.ThrowIfNull(sendStream);
        ArgumentNullException.ThrowIfNull(receiveStream);
        bool ready = maxBytes is { } max ? sendStream.TryGetData(max, out byte[] data) : sendStream.TryGetData(out data);
        if (!ready)
        {
            return false;
        }

        if (data.Length == 0)
        {
            receiveStream.PutEof();
            return true;
        }

        try
        {
            receiveStream.PutData(data);
        }
        catch (ObjectDisposedException)
        {
            // The sender's view: the other end is gone, which Trio reports as a broken resource, not a closed one.
            throw new BrokenResourceException(receiveStream.IsClosed
                ? $"{nameof(MemoryReceiveStream)} was closed: the {data.Length} bytes sent to it can never be read."
                : $"{nameof(MemoryReceiveStream)} already has its end of stream (PutEof): the {data.Length} bytes sent after it can never be read.");
        }

        return true;
    }
}
