namespace TrioTest;

/// <summary>
/// What the ends of one memory channel share: the buffer, the parked senders (each with its value) and receivers,
/// and how many ends are open. Every hand-over happens here, so a value is never lost or delivered twice: a value
/// goes straight to a parked receiver, else into the buffer, else waits with its parked sender.
/// </summary>
internal sealed class MemoryChannelState<T>
{
    /// <summary>Values waiting to be received.</summary>
    private readonly Queue<T> _buffer = new();

    internal MemoryChannelState(int capacity, string name)
    {
        Capacity = capacity;
        Name = name;
        Senders = new PayloadQueue<T>(name);
        Receivers = new ParkingLot(name);
    }

    /// <summary>Gets the buffer's capacity.</summary>
    public int Capacity { get; }

    /// <summary>Gets the channel's name.</summary>
    public string Name { get; }

    /// <summary>Gets the parked senders with their values.</summary>
    public PayloadQueue<T> Senders { get; }

    /// <summary>Gets the parked receivers.</summary>
    public ParkingLot Receivers { get; }

    /// <summary>Gets or sets how many send ends are open.</summary>
    public int OpenSenders { get; set; } = 1;

    /// <summary>Gets or sets how many receive ends are open.</summary>
    public int OpenReceivers { get; set; } = 1;

    /// <summary>Tries to hand <paramref name="value"/> on without waiting.</summary>
    /// <returns><see langword="true"/> if a receiver took it or the buffer had room.</returns>
    /// <exception cref="BrokenResourceException">Every receive end is closed.</exception>
    public bool TrySend(T value)
    {
        if (OpenReceivers == 0)
        {
            throw new BrokenResourceException($"Every receive end of {Name} is closed: nobody will read this value.");
        }

        if (Receivers.PeekFirstWaiter() is { } receiver)
        {
            TrioTask task = receiver.Task!;
            Receivers.TakeFirst();
            receiver.Wake(value);
            task.Runner.Instruments.OnUnparked(task, Name);
            return true;
        }

        if (_buffer.Count < Capacity)
        {
            _buffer.Enqueue(value);
            return true;
        }

        return false;
    }

    /// <summary>Tries to take a value without waiting.</summary>
    /// <returns><see langword="true"/> with the value if one was there.</returns>
    /// <exception cref="EndOfChannelException">Every send end is closed and nothing is left.</exception>
    public bool TryReceive(out T value)
    {
        if (_buffer.TryDequeue(out value!))
        {
            // Room was made: the longest-waiting sender's value moves into the buffer.
            if (Senders.TryTakeFirst(out Waiter? sender, out T pending))
            {
                _buffer.Enqueue(pending);
                WakeSender(sender);
            }

            return true;
        }

        if (Senders.TryTakeFirst(out Waiter? rendezvous, out value!))
        {
            WakeSender(rendezvous);
            return true;
        }

        if (OpenSenders == 0)
        {
            throw new EndOfChannelException($"Every send end of {Name} is closed and its buffer is empty: no more values will come.");
        }

        return false;
    }

    /// <summary>Called when the last send end closes: parked receivers learn the stream has ended.</summary>
    public void OnLastSenderClosed()
    {
        while (Receivers.PeekFirstWaiter() is { } receiver)
        {
            TrioTask task = receiver.Task!;
            Receivers.TakeFirst();
            receiver.Wake(error: new EndOfChannelException($"Every send end of {Name} is closed and its buffer is empty: no more values will come."));
            task.Runner.Instruments.OnUnparked(task, Name);
        }
    }

    /// <summary>Called when the last receive end closes: parked senders fail, and buffered values are dropped (nobody can read them).</summary>
    public void OnLastReceiverClosed()
    {
        _buffer.Clear();
        while (Senders.TryTakeFirst(out Waiter? sender, out _))
        {
            TrioTask task = sender.Task!;
            sender.Wake(error: new BrokenResourceException($"Every receive end of {Name} is closed: nobody will read this value."));
            task.Runner.Instruments.OnUnparked(task, Name);
        }
    }

    /// <summary>Gets the statistics.</summary>
    public MemoryChannelStatistics GetStatistics() =>
        new(_buffer.Count, Capacity, OpenSenders, OpenReceivers, Senders.Count, Receivers.Count);

    /// <summary>Wakes a sender whose value was taken.</summary>
    private void WakeSender(Waiter sender)
    {
        TrioTask task = sender.Task!;
        sender.Wake();
        task.Runner.Instruments.OnUnparked(task, Name);
    }
}
