namespace TrioTest;

/// <summary>A FIFO of parked waiters that each carry a value (senders waiting with what they send).</summary>
internal sealed class PayloadQueue<T> : IWaitQueue
{
    /// <summary>The parked waiters with their values, longest-waiting first.</summary>
    private readonly LinkedList<(Waiter Waiter, T Value)> _entries = new();

    /// <summary>Each parked waiter's node, for O(1) removal on cancellation (looked up, never iterated).</summary>
    private readonly Dictionary<Waiter, LinkedListNode<(Waiter, T)>> _nodes = [];

    internal PayloadQueue(string name) => Name = name;

    /// <summary>Gets the name parked tasks wait for.</summary>
    public string Name { get; }

    /// <summary>Gets how many waiters are parked.</summary>
    public int Count => _entries.Count;

    /// <summary>Parks the calling task with <paramref name="value"/>.</summary>
    public ValueTask Park(Runner runner, T value, string filePath, int line, out Waiter? waiter)
    {
        ValueTask wait = runner.ParkAsync(WaitDescription.Of(Name), this, Name, filePath, line, out waiter);
        if (waiter is not null)
        {
            _nodes[waiter] = _entries.AddLast((waiter, value));
        }

        return wait;
    }

    /// <summary>Takes the longest-waiting waiter and its value, without waking it.</summary>
    public bool TryTakeFirst([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Waiter? waiter, out T value)
    {
        if (_entries.First is not { } node)
        {
            waiter = null;
            value = default!;
            return false;
        }

        (waiter, value) = node.Value;
        _entries.RemoveFirst();
        _nodes.Remove(waiter);
        return true;
    }

    /// <inheritdoc/>
    bool IWaitQueue.TryRemove(Waiter waiter)
    {
        if (_nodes.Remove(waiter, out LinkedListNode<(Waiter, T)>? node))
        {
            _entries.Remove(node);
        }

        return true;
    }
}
