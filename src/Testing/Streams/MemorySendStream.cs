using System.Runtime.CompilerServices;

namespace TrioTest.Testing;

/// <summary>
/// The sending side of an in-memory stream (Trio's <c>MemorySendStream</c>): what is written goes into an unbounded
/// buffer, which the test reads with <see cref="GetDataAsync"/> or <see cref="TryGetData(out byte[])"/>, or which a hook
/// moves on, as <see cref="MemoryStreams.CreateOneWayPair"/> does with <see cref="MemoryStreamPump.Pump"/>.
/// </summary>
/// <remarks>
/// <para><see cref="CheckpointStream.WriteAsync(ReadOnlyMemory{byte}, CancellationToken)"/> is Trio's <c>send_all</c>: it
/// passes two checkpoints, appends the data, then awaits <see cref="SendAllHook"/>. A second task writing, or waiting in
/// <see cref="WaitSendAllMightNotBlockAsync"/>, at the same time gets <see cref="BusyResourceException"/>.</para>
/// <para>Closing (<see cref="Stream.Dispose()"/>, or <see cref="CheckpointStream.DisposeAsync"/>, which adds a checkpoint)
/// ends the data: readers of the buffer drain it and then get empty arrays, writers get
/// <see cref="ObjectDisposedException"/>. The first close runs <see cref="CloseHook"/>; later ones do nothing.</para>
/// </remarks>
/// <example>
/// <code>
/// var stream = new MemorySendStream();
/// await stream.WriteAsync("hello"u8.ToArray());
/// byte[] sent = await stream.GetDataAsync();   // "hello"
/// </code>
/// </example>
public sealed class MemorySendStream : CheckpointStream
{
    /// <summary>The bytes written and not yet fetched.</summary>
    private readonly ByteQueue _outgoing = new(nameof(MemorySendStream));

    /// <summary>Rejects a second task sending while one is.</summary>
    private readonly ConflictDetector _sending = new(
        $"sending on this {nameof(MemorySendStream)}",
        "WriteAsync and WaitSendAllMightNotBlockAsync take one call at a time");

    /// <summary>Gets or sets what <see cref="CheckpointStream.WriteAsync(ReadOnlyMemory{byte}, CancellationToken)"/> awaits after appending the data; <see langword="null"/> for nothing.</summary>
    public Func<Task>? SendAllHook { get; set; }

    /// <summary>Gets or sets what <see cref="WaitSendAllMightNotBlockAsync"/> awaits after its checks; <see langword="null"/> for nothing.</summary>
    public Func<Task>? WaitSendAllMightNotBlockHook { get; set; }

    /// <summary>Gets or sets what the first close runs after closing the buffer; <see langword="null"/> for nothing.</summary>
    public Action? CloseHook { get; set; }

    /// <inheritdoc/>
    public override bool IsClosed => _outgoing.IsClosed;

    /// <summary>Gets how many bytes are buffered, written but not yet fetched.</summary>
    public int BufferedCount => _outgoing.Count;

    /// <inheritdoc/>
    private protected override bool IsReadable => false;

    /// <inheritdoc/>
    private protected override bool IsWritable => true;

    /// <summary>
    /// Waits until a write might not block (Trio's <c>wait_send_all_might_not_block</c>): passes two checkpoints, checks
    /// the stream is open, then awaits <see cref="WaitSendAllMightNotBlockHook"/>. Writes never block here, so without a
    /// hook it returns after the checkpoints.
    /// </summary>
    /// <returns>An awaitable; await it exactly once.</returns>
    /// <exception cref="ObjectDisposedException">The stream is closed.</exception>
    /// <exception cref="BusyResourceException">Another task is sending on the stream.</exception>
    /// <exception cref="InvalidOperationException">Outside a run or off its loop thread.</exception>
    /// <exception cref="Cancelled">The cancel scope was cancelled.</exception>
    [AsyncMethodBuilder(typeof(LoopValueTaskMethodBuilder))]
    public async ValueTask WaitSendAllMightNotBlockAsync()
    {
        TrioTask task = CurrentTask.Get($"{nameof(MemorySendStream)}.{nameof(WaitSendAllMightNotBlockAsync)}");
        _sending.Enter(task);
        try
        {
            await PassTwoCheckpointsAsync();
            ThrowIfClosed();
            if (WaitSendAllMightNotBlockHook is { } hook)
            {
                await hook();
            }
        }
        finally
        {
            _sending.Exit();
        }
    }

    /// <summary>Takes up to <paramref name="maxBytes"/> bytes from the buffer, waiting while it is empty: a checkpoint (Trio's <c>get_data</c>).</summary>
    /// <param name="maxBytes">The most bytes to take, at least 1; <see langword="null"/> for everything buffered.</param>
    /// <returns>The bytes; an empty array once the stream is closed and the buffer drained.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is less than 1.</exception>
    /// <exception cref="BusyResourceException">Another task is fetching data.</exception>
    /// <exception cref="InvalidOperationException">Outside a run or off its loop thread.</exception>
    /// <exception cref="Cancelled">The cancel scope was cancelled; nothing is then taken.</exception>
    [AsyncMethodBuilder(typeof(LoopValueTaskMethodBuilder<>))]
    public async ValueTask<byte[]> GetDataAsync(int? maxBytes = null)
    {
        ByteQueue.ValidateMaxBytes(maxBytes);
        TrioTask task = CurrentTask.Get($"{nameof(MemorySendStream)}.{nameof(GetDataAsync)}");
        return await _outgoing.GetAsync(task, maxBytes);
    }

    /// <summary>Takes everything buffered, if the buffer is not empty or the stream is closed (Trio's <c>get_data_nowait</c>).</summary>
    /// <param name="data">The bytes; an empty array when the stream is closed and the buffer drained.</param>
    /// <returns><see langword="false"/> if the buffer is empty and the stream open, so <see cref="GetDataAsync"/> would wait; otherwise, <see langword="true"/>.</returns>
    /// <exception cref="BusyResourceException">Another task is waiting in <see cref="GetDataAsync"/>.</exception>
    public bool TryGetData(out byte[] data) => _outgoing.TryGet(null, out data);

    /// <summary>Takes up to <paramref name="maxBytes"/> bytes, if the buffer is not empty or the stream is closed.</summary>
    /// <param name="maxBytes">The most bytes to take; at least 1.</param>
    /// <param name="data">The bytes; an empty array when the stream is closed and the buffer drained.</param>
    /// <returns><see langword="false"/> if the buffer is empty and the stream open, so <see cref="GetDataAsync"/> would wait; otherwise, <see langword="true"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is less than 1.</exception>
    /// <exception cref="BusyResourceException">Another task is waiting in <see cref="GetDataAsync"/>.</exception>
    public bool TryGetData(int maxBytes, out byte[] data) => _outgoing.TryGet(maxBytes, out data);

    /// <inheritdoc/>
    public override string ToString() =>
        $"{nameof(MemorySendStream)} ({(IsClosed ? "closed, " : string.Empty)}{_outgoing.Count} bytes buffered)";

    /// <inheritdoc/>
    [AsyncMethodBuilder(typeof(LoopValueTaskMethodBuilder))]
    private protected override async ValueTask SendAllAsync(ReadOnlyMemory<byte> data)
    {
        TrioTask task = CurrentTask.Get($"{nameof(MemorySendStream)}.WriteAsync");
        _sending.Enter(task);
        try
        {
            await PassTwoCheckpointsAsync();
            if (!_outgoing.TryPut(data.Span))
            {
                throw Closed();
            }

            if (SendAllHook is { } hook)
            {
                await hook();
            }
        }
        finally
        {
            _sending.Exit();
        }
    }

    /// <summary>Closes the buffer and, the first time, runs <see cref="CloseHook"/>.</summary>
    /// <param name="disposing"><see langword="true"/> when called from <see cref="Stream.Dispose()"/>.</param>
    protected override void Dispose(bool disposing)
    {
        if (disposing && !_outgoing.IsClosed)
        {
            _outgoing.Close();
            CloseHook?.Invoke();
        }

        base.Dispose(disposing);
    }

    /// <summary>Passes two full checkpoints, as Trio's <c>send_all</c> does before touching the buffer.</summary>
    private static async ValueTask PassTwoCheckpointsAsync()
    {
        await Trio.CheckpointAsync(nameof(MemorySendStream), string.Empty, 0);
        await Trio.CheckpointAsync(nameof(MemorySendStream), string.Empty, 0);
    }

    /// <summary>Throws if the stream is closed.</summary>
    /// <exception cref="ObjectDisposedException">The stream is closed.</exception>
    private void ThrowIfClosed()
    {
        if (_outgoing.IsClosed)
        {
            throw Closed();
        }
    }

    /// <summary>The error for a send on a closed stream.</summary>
    private ObjectDisposedException Closed() =>
        new(nameof(MemorySendStream), $"The {nameof(MemorySendStream)} is closed: nothing more can be sent on it.");
}
