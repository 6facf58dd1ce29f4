using System.Runtime.CompilerServices;

namespace TrioTest.Testing;

/// <summary>
/// The receiving side of an in-memory stream (Trio's <c>MemoryReceiveStream</c>): the test feeds it with
/// <see cref="PutData"/> and <see cref="PutEof"/>, or a pump does (<see cref="MemoryStreams.CreateOneWayPair"/>), and code
/// under test reads with <see cref="CheckpointStream.ReadAsync(Memory{byte}, CancellationToken)"/>.
/// </summary>
/// <remarks>
/// <para>A read is Trio's <c>receive_some</c>: it passes two checkpoints, checks the stream is open, awaits
/// <see cref="ReceiveSomeHook"/>, then takes what is buffered (up to the buffer's length), waiting while nothing is. After
/// <see cref="PutEof"/> and once the data is drained, every read returns 0. A second task reading at the same time gets
/// <see cref="BusyResourceException"/>.</para>
/// <para>Closing (<see cref="Stream.Dispose()"/>, or <see cref="CheckpointStream.DisposeAsync"/>, which adds a checkpoint)
/// drops the buffered data, wakes a waiting reader with <see cref="ObjectDisposedException"/>, and makes
/// <see cref="PutData"/> fail. The first close runs <see cref="CloseHook"/>; later ones do nothing.</para>
/// </remarks>
/// <example>
/// <code>
/// var stream = new MemoryReceiveStream();
/// stream.PutData("hello"u8);
/// stream.PutEof();
/// using var reader = new StreamReader(stream);
/// string text = await reader.ReadToEndAsync();   // "hello"
/// </code>
/// </example>
public sealed class MemoryReceiveStream : CheckpointStream
{
    /// <summary>The bytes put and not yet read; closing it is the end of the stream.</summary>
    private readonly ByteQueue _incoming = new(nameof(MemoryReceiveStream));

    /// <summary>Rejects a second task reading while one is.</summary>
    private readonly ConflictDetector _receiving = new(
        $"receiving from this {nameof(MemoryReceiveStream)}",
        "ReadAsync takes one call at a time");

    /// <summary>Set by the first close: unlike the end of the stream, the reader's side is gone.</summary>
    private bool _closed;

    /// <summary>Gets or sets what a read awaits after its checks and before taking data; <see langword="null"/> for nothing.</summary>
    public Func<Task>? ReceiveSomeHook { get; set; }

    /// <summary>Gets or sets what the first close runs after closing the stream; <see langword="null"/> for nothing.</summary>
    public Action? CloseHook { get; set; }

    /// <inheritdoc/>
    public override bool IsClosed => _closed;

    /// <summary>Gets a value indicating whether the end of the stream was put: no more data can be put.</summary>
    public bool IsEofPut => _incoming.IsClosed && !_closed;

    /// <summary>Gets how many bytes are buffered, put but not yet read.</summary>
    public int BufferedCount => _incoming.Count;

    /// <inheritdoc/>
    private protected override bool IsReadable => true;

    /// <inheritdoc/>
    private protected override bool IsWritable => false;

    /// <summary>Appends <paramref name="data"/> for readers, waking a waiting one. Never yields.</summary>
    /// <param name="data">The bytes; may be empty.</param>
    /// <exception cref="ObjectDisposedException">The end of the stream was put, or the stream is closed.</exception>
    /// <exception cref="InvalidOperationException">Called from another thread while a run waits on the stream.</exception>
    public void PutData(ReadOnlySpan<byte> data)
    {
        if (!_incoming.TryPut(data))
        {
            throw new ObjectDisposedException(
                nameof(MemoryReceiveStream),
                _closed
                    ? $"The {nameof(MemoryReceiveStream)} is closed: nobody will read the data."
                    : $"The end of the {nameof(MemoryReceiveStream)} was put (PutEof): no more data can follow it.");
        }
    }

    /// <summary>Marks the end of the stream: once the buffered data is read, every read returns 0. Putting it twice does nothing more. Never yields.</summary>
    /// <exception cref="InvalidOperationException">Called from another thread while a run waits on the stream.</exception>
    public void PutEof() => _incoming.Close();

    /// <inheritdoc/>
    public override string ToString() =>
        $"{nameof(MemoryReceiveStream)} ({(_closed ? "closed, " : IsEofPut ? "end of stream put, " : string.Empty)}{_incoming.Count} bytes buffered)";

    /// <inheritdoc/>
    [AsyncMethodBuilder(typeof(LoopValueTaskMethodBuilder<>))]
    private protected override async ValueTask<int> ReceiveSomeAsync(Memory<byte> buffer)
    {
        TrioTask task = CurrentTask.Get($"{nameof(MemoryReceiveStream)}.ReadAsync");
        _receiving.Enter(task);
        try
        {
            await Trio.CheckpointAsync(nameof(MemoryReceiveStream), string.Empty, 0);
            await Trio.CheckpointAsync(nameof(MemoryReceiveStream), string.Empty, 0);
            ThrowIfClosed();
            if (ReceiveSomeHook is { } hook)
            {
                await hook();
            }

            byte[] data = await _incoming.GetAsync(task, buffer.Length);

            // A close while the read waited ends the queue to wake it; the read must fail, not report end of stream.
            ThrowIfClosed();
            data.CopyTo(buffer);
            return data.Length;
        }
        finally
        {
            _receiving.Exit();
        }
    }

    /// <summary>Closes the stream, dropping the buffered data, and the first time runs <see cref="CloseHook"/>.</summary>
    /// <param name="disposing"><see langword="true"/> when called from <see cref="Stream.Dispose()"/>.</param>
    protected override void Dispose(bool disposing)
    {
        if (disposing && !_closed)
        {
            _closed = true;
            _incoming.CloseAndWipe();
            CloseHook?.Invoke();
        }

        base.Dispose(disposing);
    }

    /// <summary>Throws if the stream is closed.</summary>
    /// <exception cref="ObjectDisposedException">The stream is closed.</exception>
    private void ThrowIfClosed()
    {
        if (_closed)
        {
            throw new ObjectDisposedException(nameof(MemoryReceiveStream), $"The {nameof(MemoryReceiveStream)} is closed: nothing more can be read from it.");
        }
    }
}
