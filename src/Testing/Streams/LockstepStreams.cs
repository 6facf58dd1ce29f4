namespace TrioTest.Testing;

/// <summary>
/// Creates connected in-memory streams with no buffer at all (Trio's <c>lockstep_stream_one_way_pair</c> and
/// <c>lockstep_stream_pair</c>): a write returns only once the reader has taken all of its bytes. Use them to test code
/// against the most blocking transport there is, where a sender that does not also read deadlocks at once.
/// </summary>
/// <example>
/// <code>
/// var (client, server) = LockstepStreams.CreatePair();
/// await Nursery.RunAsync(nursery =>
/// {
///     nursery.StartSoon(async () => await client.WriteAsync("ping"u8.ToArray()));
///     nursery.StartSoon(async () => await server.ReadAsync(buffer));
///     return Task.CompletedTask;
/// });
/// </code>
/// </example>
public static class LockstepStreams
{
    /// <summary>Creates a send stream whose writes wait for the receive stream to read them.</summary>
    /// <returns>The two streams.</returns>
    public static (LockstepSendStream Send, LockstepReceiveStream Receive) CreateOneWayPair()
    {
        var queue = new LockstepQueue();
        return (new LockstepSendStream(queue), new LockstepReceiveStream(queue));
    }

    /// <summary>Creates two two-way streams, each writing to what the other reads, with no buffer in either direction.</summary>
    /// <returns>The two streams; their <see cref="StapledStream.SendStream"/> is a <see cref="LockstepSendStream"/> and their <see cref="StapledStream.ReceiveStream"/> a <see cref="LockstepReceiveStream"/>.</returns>
    public static (StapledStream First, StapledStream Second) CreatePair()
    {
        var (firstSend, secondReceive) = CreateOneWayPair();
        var (secondSend, firstReceive) = CreateOneWayPair();
        return (new StapledStream(firstSend, firstReceive), new StapledStream(secondSend, secondReceive));
    }
}
