namespace TrioTest.Testing;

/// <summary>
/// Creates connected in-memory streams with unbounded buffers (Trio's <c>memory_stream_one_way_pair</c> and
/// <c>memory_stream_pair</c>): a write returns once its bytes are buffered, and a read takes what has arrived.
/// </summary>
/// <remarks>
/// The streams are a <see cref="MemorySendStream"/> and a <see cref="MemoryReceiveStream"/> joined by hooks that run
/// <see cref="MemoryStreamPump.Pump"/> after every write and on close. Replace the hooks to control delivery: set
/// <see cref="MemorySendStream.SendAllHook"/> to <see langword="null"/> and call <see cref="MemoryStreamPump.Pump"/>
/// yourself to hand the data over byte by byte, late, or never.
/// </remarks>
/// <example>
/// <code>
/// var (client, server) = MemoryStreams.CreatePair();
/// await client.WriteAsync("ping"u8.ToArray());
/// int read = await server.ReadAsync(buffer);
/// await server.WriteAsync("pong"u8.ToArray());
/// </code>
/// </example>
public static class MemoryStreams
{
    /// <summary>Creates a send stream whose writes arrive at the receive stream.</summary>
    /// <returns>The two streams.</returns>
    public static (MemorySendStream Send, MemoryReceiveStream Receive) CreateOneWayPair()
    {
        var send = new MemorySendStream();
        var receive = new MemoryReceiveStream();
        send.SendAllHook = () =>
        {
            MemoryStreamPump.Pump(send, receive);
            return Task.CompletedTask;
        };
        send.CloseHook = () => MemoryStreamPump.Pump(send, receive);
        return (send, receive);
    }

    /// <summary>Creates two two-way streams, each writing to what the other reads.</summary>
    /// <returns>The two streams; their <see cref="StapledStream.SendStream"/> is a <see cref="MemorySendStream"/> and their <see cref="StapledStream.ReceiveStream"/> a <see cref="MemoryReceiveStream"/>.</returns>
    public static (StapledStream First, StapledStream Second) CreatePair()
    {
        var (firstSend, secondReceive) = CreateOneWayPair();
        var (secondSend, firstReceive) = CreateOneWayPair();
        return (new StapledStream(firstSend, firstReceive), new StapledStream(secondSend, secondReceive));
    }
}
