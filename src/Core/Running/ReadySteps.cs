using System.Buffers;

namespace TrioTest;

/// <summary>
/// A list of ready steps in an array rented from the shared pool: a run's queue grows to its widest batch, and the next
/// run on the thread gets the same array back instead of growing a new one (an exploration runs thousands of runs).
/// </summary>
internal sealed class ReadySteps
{
    /// <summary>The capacity of the first array rented.</summary>
    private const int InitialCapacity = 64;

    /// <summary>The steps, in <c>[0, Count)</c>; empty until the first step is added and after <see cref="Release"/>.</summary>
    private ReadyStep[] _items = [];

    /// <summary>Gets how many steps the list holds.</summary>
    public int Count { get; private set; }

    /// <summary>Gets the step at <paramref name="index"/>.</summary>
    /// <param name="index">An index below <see cref="Count"/>.</param>
    public ReadyStep this[int index] => index < Count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Appends a step.</summary>
    /// <param name="step">The step.</param>
    public void Add(in ReadyStep step)
    {
        if (Count == _items.Length)
        {
            Grow();
        }

        _items[Count++] = step;
    }

    /// <summary>Removes the step at <paramref name="index"/>, keeping the others in order.</summary>
    /// <param name="index">An index below <see cref="Count"/>.</param>
    public void RemoveAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
        Count--;
        Array.Copy(_items, index + 1, _items, index, Count - index);
        _items[Count] = default;
    }

    /// <summary>Gets the steps as a span the strategy may reorder.</summary>
    public Span<ReadyStep> AsSpan() => _items.AsSpan(0, Count);

    /// <summary>Removes every step, dropping the references they held.</summary>
    public void Clear()
    {
        Array.Clear(_items, 0, Count);
        Count = 0;
    }

    /// <summary>Returns the array to the pool at the end of the run; the list stays usable (it rents again if added to).</summary>
    public void Release()
    {
        Clear();
        if (_items.Length != 0)
        {
            ArrayPool<ReadyStep>.Shared.Return(_items);
            _items = [];
        }
    }

    /// <summary>Rents an array twice as large and moves the steps into it.</summary>
    private void Grow()
    {
        ReadyStep[] larger = ArrayPool<ReadyStep>.Shared.Rent(Math.Max(InitialCapacity, _items.Length * 2));
        Array.Copy(_items, larger, Count);
        if (_items.Length != 0)
        {
            Array.Clear(_items, 0, Count);
            ArrayPool<ReadyStep>.Shared.Return(_items);
        }

        _items = larger;
    }
}
