namespace TrioTest;

/// <summary>
/// Trio's <c>open_memory_channel</c>: an in-memory stream of values between tasks, with a send end and a receive end
/// that can each be cloned and closed. A capacity of 0 is a rendezvous (a send waits for a receiver); a bounded buffer
/// makes senders wait when full; <see cref="Unbounded"/> never makes them wait.
/// </summary>
/// <example>
/// <code>
/// var (send, receive) = MemoryChannel.Open&lt;int&gt;(capacity: 1);
/// nursery.StartSoon(async () => { await using (send) { for (int i = 0; i &lt; 3; i++) await send.SendAsync(i); } });
/// await foreach (int value in receive) { /* 0, 1, 2 */ }
/// </code>
/// </example>
public static class MemoryChannel
{
    /// <summary>The capacity of a channel whose sends never wait.</summary>
    public const int Unbounded = int.MaxValue;

    /// <summary>Opens a channel and returns its two ends.</summary>
    /// <typeparam name="T">The type of the values.</typeparam>
    /// <param name="capacity">How many values the buffer holds: 0 for a rendezvous, up to <see cref="Unbounded"/>.</param>
    /// <param name="name">A name shown in traces and deadlock reports.</param>
    /// <returns>The send end and the receive end.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is negative.</exception>
    public static (MemorySendChannel<T> Send, MemoryReceiveChannel<T> Receive) Open<T>(int capacity, string? name = null)
    {
        if (capacity < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity,
                "A memory channel's capacity must be 0 (a rendezvous), a positive buffer size, or MemoryChannel.Unbounded.");
        }

        var state = new MemoryChannelState<T>(capacity, name is null ? "MemoryChannel" : $"MemoryChannel \"{name}\"");
        return (new MemorySendChannel<T>(state), new MemoryReceiveChannel<T>(state));
    }
}

/// <summary>Statistics of a memory channel, from either end.</summary>
/// <param name="CurrentBufferUsed">How many values wait in the buffer.</param>
/// <param name="MaxBufferSize">The capacity.</param>
/// <param name="OpenSendChannels">How many send ends (clones included) are open.</param>
/// <param name="OpenReceiveChannels">How many receive ends are open.</param>
/// <param name="TasksWaitingSend">How many tasks wait to send.</param>
/// <param name="TasksWaitingReceive">How many tasks wait to receive.</param>
public readonly record struct MemoryChannelStatistics(
    int CurrentBufferUsed,
    int MaxBufferSize,
    int OpenSendChannels,
    int OpenReceiveChannels,
    int TasksWaitingSend,
    int TasksWaitingReceive);
