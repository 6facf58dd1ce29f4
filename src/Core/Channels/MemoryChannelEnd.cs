using System.Diagnostics;

namespace TrioTest;

/// <summary>
/// What the two ends of a memory channel share: closing (once; tasks parked in this end are woken with
/// <see cref="ObjectDisposedException"/>, as Trio wakes them with <c>ClosedResourceError</c>), disposal, and statistics.
/// </summary>
/// <typeparam name="T">The type of the values.</typeparam>
[DebuggerDisplay("{ToString(),nq}")]
public abstract class MemoryChannelEnd<T> : IAsyncDisposable, IDisposable
{
    /// <summary>Tasks parked in this end with their waiter's use id at park time (waiters are pooled; the id never repeats).</summary>
    private readonly List<(Waiter Waiter, long UseId)> _parked = [];

    /// <summary>Initializes an open end of <paramref name="state"/>.</summary>
    private protected MemoryChannelEnd(MemoryChannelState<T> state) => State = state;

    /// <summary>Gets a value indicating whether this end is closed.</summary>
    public bool IsClosed { get; private set; }

    /// <summary>Gets the channel.</summary>
    private protected MemoryChannelState<T> State { get; }

    /// <summary>Gets what this end is called in messages ("send end", "receive end").</summary>
    private protected abstract string Kind { get; }

    /// <summary>
    /// Closes this end; tasks blocked on it get <see cref="ObjectDisposedException"/>. When the last send end closes,
    /// receivers get <see cref="EndOfChannelException"/> once the buffer is drained; when the last receive end closes,
    /// buffered values are dropped and senders get <see cref="BrokenResourceException"/>. Closing twice does nothing.
    /// </summary>
    /// <exception cref="InvalidOperationException">Called from another thread while a run uses the channel.</exception>
    public void Close()
    {
        if (IsClosed)
        {
            return;
        }

        State.Receivers.ThrowIfOffLoop($"{GetType().Name}.Close");
        foreach ((Waiter waiter, long useId) in _parked)
        {
            if (waiter.UseId == useId)
            {
                TrioTask? task = waiter.Task;
                waiter.TryAbort(new ObjectDisposedException(ToString(), $"The {this} was closed while the task was waiting on it."));
                if (task is not null && waiter.IsCompleted)
                {
                    task.Runner.Instruments.OnUnparked(task, ToString());
                }
            }
        }

        _parked.Clear();
        IsClosed = true;
        OnClosed();
    }

    /// <summary>Closes this end.</summary>
    public void Dispose() => Close();

    /// <summary>Closes this end, then passes a checkpoint (Trio's <c>aclose</c>); outside a run it only closes.</summary>
    /// <returns>An awaitable; await it exactly once.</returns>
    /// <exception cref="Cancelled">Thrown by the await if the scope is cancelled (the end is closed all the same).</exception>
    public ValueTask DisposeAsync()
    {
        Close();
        return Runner.CurrentOrNull is { IsLoopThread: true } runner
            ? runner.CheckpointAsync(CheckpointKind.Checkpoint, $"close {this}", string.Empty, 0)
            : default;
    }

    /// <summary>Gets the channel's statistics.</summary>
    /// <returns>The buffer, the open ends and the waiters.</returns>
    public MemoryChannelStatistics GetStatistics() => State.GetStatistics();

    /// <inheritdoc/>
    public override string ToString() => $"{Kind} of {State.Name}{(IsClosed ? " (closed)" : string.Empty)}";

    /// <summary>Called once, when this end closes: counts it out of the channel.</summary>
    private protected abstract void OnClosed();

    /// <summary>Throws <see cref="ObjectDisposedException"/> naming this end if it is closed.</summary>
    private protected void ThrowIfClosed()
    {
        if (IsClosed)
        {
            throw new ObjectDisposedException(ToString(), $"The {this} is closed: clone an end before closing it if another task still needs it.");
        }
    }

    /// <summary>Remembers a task parked in this end, dropping entries of waits that are over.</summary>
    private protected void Track(Waiter? waiter)
    {
        if (waiter is null)
        {
            return;
        }

        _parked.RemoveAll(static entry => entry.Waiter.UseId != entry.UseId || entry.Waiter.IsCompleted);
        _parked.Add((waiter, waiter.UseId));
    }
}
