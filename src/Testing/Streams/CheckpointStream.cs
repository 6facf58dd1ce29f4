using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace TrioTest.Testing;

/// <summary>
/// The base of the toolkit's in-memory streams: a <see cref="Stream"/> used through its async members only, on the loop
/// of a run, where each read, write and <see cref="DisposeAsync"/> is a checkpoint.
/// </summary>
/// <remarks>
/// <para>The synchronous <c>Read</c> and <c>Write</c> (and <c>BeginRead</c>/<c>BeginWrite</c>) throw
/// <see cref="NotSupportedException"/>: blocking the loop thread would stop every task, including the one that would
/// unblock it. Seeking is not supported. <see cref="Flush"/> and <see cref="FlushAsync(CancellationToken)"/> do nothing,
/// as the streams have nothing to flush.</para>
/// <para>A <see cref="CancellationToken"/> passed to <see cref="ReadAsync(Memory{byte}, CancellationToken)"/> or
/// <see cref="WriteAsync(ReadOnlyMemory{byte}, CancellationToken)"/> cancels the call through a cancel scope
/// (<see cref="Trio.RunWithCancellationAsync"/>), and the call then throws <see cref="OperationCanceledException"/> for it.
/// Cancelling the surrounding cancel scope works without a token and throws <see cref="Cancelled"/>.</para>
/// <para>A read into an empty buffer throws <see cref="ArgumentException"/>, as Trio's <c>receive_some(0)</c> does: a
/// zero-length read returning 0 could not be told from the end of the stream.</para>
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
public abstract class CheckpointStream : Stream
{
    /// <summary>Initializes the stream; only the toolkit derives from this class.</summary>
    private protected CheckpointStream()
    {
    }

    /// <summary>Gets a value indicating whether the stream can read: it is a receive stream and is not closed.</summary>
    public override bool CanRead => IsReadable && !IsClosed;

    /// <summary>Gets a value indicating whether the stream can write: it is a send stream and is not closed.</summary>
    public override bool CanWrite => IsWritable && !IsClosed;

    /// <summary>Gets <see langword="false"/>: the streams cannot seek.</summary>
    public override bool CanSeek => false;

    /// <summary>Not supported.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public override long Length => throw NotSeekable();

    /// <summary>Not supported.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public override long Position
    {
        get => throw NotSeekable();
        set => throw NotSeekable();
    }

    /// <summary>Gets a value indicating whether the stream is closed.</summary>
    public abstract bool IsClosed { get; }

    /// <summary>Gets a value indicating whether this is a receive stream.</summary>
    private protected abstract bool IsReadable { get; }

    /// <summary>Gets a value indicating whether this is a send stream.</summary>
    private protected abstract bool IsWritable { get; }

    /// <summary>Reads up to <paramref name="buffer"/>'s length in bytes, waiting until some arrive: a checkpoint (Trio's <c>receive_some</c>).</summary>
    /// <param name="buffer">Where to put the bytes; at least one byte long.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>How many bytes were read; 0 at the end of the stream, and on every read after it.</returns>
    /// <exception cref="NotSupportedException">This is a send stream.</exception>
    /// <exception cref="ArgumentException"><paramref name="buffer"/> is empty.</exception>
    /// <exception cref="ObjectDisposedException">The stream is closed, or was closed during the read.</exception>
    /// <exception cref="BusyResourceException">Another task is reading from the stream.</exception>
    /// <exception cref="InvalidOperationException">Outside a run or off its loop thread.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> cancelled the read.</exception>
    /// <exception cref="Cancelled">The cancel scope was cancelled.</exception>
    public sealed override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!IsReadable)
        {
            throw new NotSupportedException($"{GetType().Name} is write-only: read from its receive stream.");
        }

        if (buffer.IsEmpty)
        {
            throw new ArgumentException("The buffer is empty: a read needs room for at least one byte, since a read that returns 0 means end of stream.", nameof(buffer));
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<int>(cancellationToken);
        }

        return cancellationToken.CanBeCanceled ? ReadWithTokenAsync(buffer, cancellationToken) : ReceiveSomeAsync(buffer);
    }

    /// <inheritdoc cref="ReadAsync(Memory{byte}, CancellationToken)"/>
    /// <param name="buffer">Where to put the bytes.</param>
    /// <param name="offset">Where in <paramref name="buffer"/> to start.</param>
    /// <param name="count">The most bytes to read; at least 1.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    public sealed override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        ValidateBufferArguments(buffer, offset, count);
        return ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    /// <summary>Writes all of <paramref name="buffer"/>: a checkpoint (Trio's <c>send_all</c>).</summary>
    /// <param name="buffer">The bytes; may be empty.</param>
    /// <param name="cancellationToken">A token that cancels the write; how much was sent is then unknown.</param>
    /// <returns>An awaitable that completes when the bytes are sent (for a lockstep stream, when the receiver has taken them all).</returns>
    /// <exception cref="NotSupportedException">This is a receive stream.</exception>
    /// <exception cref="ObjectDisposedException">The stream is closed.</exception>
    /// <exception cref="BrokenResourceException">The receiving side is closed.</exception>
    /// <exception cref="BusyResourceException">Another task is sending on the stream.</exception>
    /// <exception cref="InvalidOperationException">Outside a run or off its loop thread.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> cancelled the write.</exception>
    /// <exception cref="Cancelled">The cancel scope was cancelled.</exception>
    public sealed override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!IsWritable)
        {
            throw new NotSupportedException($"{GetType().Name} is read-only: write to its send stream.");
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(cancellationToken);
        }

        return cancellationToken.CanBeCanceled
            ? new ValueTask(Trio.RunWithCancellationAsync(cancellationToken, () => SendAllAsync(buffer).AsTask()))
            : SendAllAsync(buffer);
    }

    /// <inheritdoc cref="WriteAsync(ReadOnlyMemory{byte}, CancellationToken)"/>
    /// <param name="buffer">The bytes.</param>
    /// <param name="offset">Where in <paramref name="buffer"/> they start.</param>
    /// <param name="count">How many to write.</param>
    /// <param name="cancellationToken">A token that cancels the write.</param>
    public sealed override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        ValidateBufferArguments(buffer, offset, count);
        return WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    /// <summary>Closes the stream, then passes a checkpoint (Trio's <c>aclose</c>); outside a run it only closes.</summary>
    /// <returns>An awaitable; await it exactly once.</returns>
    /// <exception cref="Cancelled">Thrown by the await if the scope is cancelled; the stream is closed all the same.</exception>
    public sealed override ValueTask DisposeAsync()
    {
        Dispose();
        return Trio.IsInRun ? Trio.CheckpointAsync($"close {GetType().Name}", string.Empty, 0) : default;
    }

    /// <summary>Does nothing: the streams have no buffer to flush.</summary>
    public sealed override void Flush()
    {
    }

    /// <summary>Does nothing: the streams have no buffer to flush. Completes at once, without a checkpoint.</summary>
    /// <param name="cancellationToken">A token; if it is already cancelled, the returned task is cancelled.</param>
    /// <returns>A completed task.</returns>
    public sealed override Task FlushAsync(CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested ? Task.FromCanceled(cancellationToken) : Task.CompletedTask;

    /// <summary>Not supported: use <see cref="ReadAsync(Memory{byte}, CancellationToken)"/>.</summary>
    /// <param name="buffer">Unused.</param>
    /// <param name="offset">Unused.</param>
    /// <param name="count">Unused.</param>
    /// <returns>Never returns.</returns>
    /// <exception cref="NotSupportedException">Always.</exception>
    public sealed override int Read(byte[] buffer, int offset, int count) => throw SyncNotSupported("Read", "ReadAsync");

    /// <summary>Not supported: use <see cref="ReadAsync(Memory{byte}, CancellationToken)"/>.</summary>
    /// <param name="buffer">Unused.</param>
    /// <returns>Never returns.</returns>
    /// <exception cref="NotSupportedException">Always.</exception>
    public sealed override int Read(Span<byte> buffer) => throw SyncNotSupported("Read", "ReadAsync");

    /// <summary>Not supported: use <see cref="WriteAsync(ReadOnlyMemory{byte}, CancellationToken)"/>.</summary>
    /// <param name="buffer">Unused.</param>
    /// <param name="offset">Unused.</param>
    /// <param name="count">Unused.</param>
    /// <exception cref="NotSupportedException">Always.</exception>
    public sealed override void Write(byte[] buffer, int offset, int count) => throw SyncNotSupported("Write", "WriteAsync");

    /// <summary>Not supported: use <see cref="WriteAsync(ReadOnlyMemory{byte}, CancellationToken)"/>.</summary>
    /// <param name="buffer">Unused.</param>
    /// <exception cref="NotSupportedException">Always.</exception>
    public sealed override void Write(ReadOnlySpan<byte> buffer) => throw SyncNotSupported("Write", "WriteAsync");

    /// <summary>Not supported: use <see cref="ReadAsync(Memory{byte}, CancellationToken)"/>.</summary>
    /// <param name="buffer">Unused.</param>
    /// <param name="offset">Unused.</param>
    /// <param name="count">Unused.</param>
    /// <param name="callback">Unused.</param>
    /// <param name="state">Unused.</param>
    /// <returns>Never returns.</returns>
    /// <exception cref="NotSupportedException">Always.</exception>
    public sealed override IAsyncResult BeginRead(byte[] buffer, int offset, int count, AsyncCallback? callback, object? state) =>
        throw SyncNotSupported("BeginRead", "ReadAsync");

    /// <summary>Not supported: use <see cref="WriteAsync(ReadOnlyMemory{byte}, CancellationToken)"/>.</summary>
    /// <param name="buffer">Unused.</param>
    /// <param name="offset">Unused.</param>
    /// <param name="count">Unused.</param>
    /// <param name="callback">Unused.</param>
    /// <param name="state">Unused.</param>
    /// <returns>Never returns.</returns>
    /// <exception cref="NotSupportedException">Always.</exception>
    public sealed override IAsyncResult BeginWrite(byte[] buffer, int offset, int count, AsyncCallback? callback, object? state) =>
        throw SyncNotSupported("BeginWrite", "WriteAsync");

    /// <summary>Not supported.</summary>
    /// <param name="offset">Unused.</param>
    /// <param name="origin">Unused.</param>
    /// <returns>Never returns.</returns>
    /// <exception cref="NotSupportedException">Always.</exception>
    public sealed override long Seek(long offset, SeekOrigin origin) => throw NotSeekable();

    /// <summary>Not supported.</summary>
    /// <param name="value">Unused.</param>
    /// <exception cref="NotSupportedException">Always.</exception>
    public sealed override void SetLength(long value) => throw NotSeekable();

    /// <summary>Reads into a non-empty <paramref name="buffer"/>; the stream's <c>receive_some</c>.</summary>
    private protected virtual ValueTask<int> ReceiveSomeAsync(Memory<byte> buffer) => throw new UnreachableException("ReadAsync checks IsReadable first.");

    /// <summary>Writes all of <paramref name="data"/>; the stream's <c>send_all</c>.</summary>
    private protected virtual ValueTask SendAllAsync(ReadOnlyMemory<byte> data) => throw new UnreachableException("WriteAsync checks IsWritable first.");

    /// <summary>Reads under a cancel scope that <paramref name="cancellationToken"/> cancels.</summary>
    [AsyncMethodBuilder(typeof(LoopValueTaskMethodBuilder<>))]
    private async ValueTask<int> ReadWithTokenAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        _ = CurrentTask.Get($"{GetType().Name}.ReadAsync");
        int read = 0;
        await Trio.RunWithCancellationAsync(cancellationToken, async () => read = await ReceiveSomeAsync(buffer));
        return read;
    }

    /// <summary>The error for a synchronous member.</summary>
    private NotSupportedException SyncNotSupported(string member, string asyncMember) =>
        new($"{GetType().Name}.{member} is not supported: the stream works on the TrioTest loop, where a blocking call would stop every task. Use {asyncMember}, which is a checkpoint.");

    /// <summary>The error for a seeking member.</summary>
    private NotSupportedException NotSeekable() => new($"{GetType().Name} cannot seek: it is a stream of bytes in flight, with no position or length.");
}
