using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace TrioTest.Testing;

/// <summary>
/// A two-way stream made of a send stream and a receive stream (Trio's <c>StapledStream</c>): writes go to
/// <see cref="SendStream"/>, reads come from <see cref="ReceiveStream"/>. <see cref="MemoryStreams.CreatePair"/> and
/// <see cref="LockstepStreams.CreatePair"/> return two of them, connected crosswise.
/// </summary>
/// <remarks>
/// Every member delegates to one of the two streams, so the stapled stream behaves as they do: over the toolkit's
/// streams, reads and writes are checkpoints and the synchronous members throw <see cref="NotSupportedException"/>.
/// Closing closes both, the send stream first; <see cref="CompleteWritesAsync"/> closes the send stream only, so the peer
/// reads the end of the stream while this side can still read.
/// </remarks>
/// <example>
/// <code>
/// var (client, server) = MemoryStreams.CreatePair();
/// await client.WriteAsync("ping"u8.ToArray());
/// int read = await server.ReadAsync(buffer);   // "ping"
/// </code>
/// </example>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class StapledStream : Stream
{
    /// <summary>Initializes a stream that writes to <paramref name="sendStream"/> and reads from <paramref name="receiveStream"/>.</summary>
    /// <param name="sendStream">The stream writes go to; it must be writable.</param>
    /// <param name="receiveStream">The stream reads come from; it must be readable.</param>
    /// <exception cref="ArgumentNullException"><paramref name="sendStream"/> or <paramref name="receiveStream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="sendStream"/> cannot write, or <paramref name="receiveStream"/> cannot read.</exception>
    public StapledStream(Stream sendStream, Stream receiveStream)
    {
        ArgumentNullException.ThrowIfNull(sendStream);
        ArgumentNullException.ThrowIfNull(receiveStream);
        if (!sendStream.CanWrite)
        {
            throw new ArgumentException($"The send stream ({sendStream}) cannot write: pass an open, writable stream.", nameof(sendStream));
        }

        if (!receiveStream.CanRead)
        {
            throw new ArgumentException($"The receive stream ({receiveStream}) cannot read: pass an open, readable stream.", nameof(receiveStream));
        }

        SendStream = sendStream;
        ReceiveStream = receiveStream;
    }

    /// <summary>Gets the stream that writes go to.</summary>
    public Stream SendStream { get; }

    /// <summary>Gets the stream that reads come from.</summary>
    public Stream ReceiveStream { get; }

    /// <summary>Gets a value indicating whether the receive stream can read.</summary>
    public override bool CanRead => ReceiveStream.CanRead;

    /// <summary>Gets a value indicating whether the send stream can write.</summary>
    public override bool CanWrite => SendStream.CanWrite;

    /// <summary>Gets <see langword="false"/>: a two-way stream cannot seek.</summary>
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

    /// <summary>Reads from the receive stream.</summary>
    /// <param name="buffer">Where to put the bytes.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>How many bytes were read; 0 at the end of the stream.</returns>
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ReceiveStream.ReadAsync(buffer, cancellationToken);

    /// <summary>Reads from the receive stream.</summary>
    /// <param name="buffer">Where to put the bytes.</param>
    /// <param name="offset">Where in <paramref name="buffer"/> to start.</param>
    /// <param name="count">The most bytes to read.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>How many bytes were read; 0 at the end of the stream.</returns>
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReceiveStream.ReadAsync(buffer, offset, count, cancellationToken);

    /// <summary>Writes to the send stream.</summary>
    /// <param name="buffer">The bytes.</param>
    /// <param name="cancellationToken">A token that cancels the write.</param>
    /// <returns>An awaitable that completes when the send stream has taken the bytes.</returns>
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        SendStream.WriteAsync(buffer, cancellationToken);

    /// <summary>Writes to the send stream.</summary>
    /// <param name="buffer">The bytes.</param>
    /// <param name="offset">Where in <paramref name="buffer"/> they start.</param>
    /// <param name="count">How many to write.</param>
    /// <param name="cancellationToken">A token that cancels the write.</param>
    /// <returns>A task that completes when the send stream has taken the bytes.</returns>
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        SendStream.WriteAsync(buffer, offset, count, cancellationToken);

    /// <summary>Reads from the receive stream synchronously, if it supports that.</summary>
    /// <param name="buffer">Where to put the bytes.</param>
    /// <param name="offset">Where in <paramref name="buffer"/> to start.</param>
    /// <param name="count">The most bytes to read.</param>
    /// <returns>How many bytes were read.</returns>
    public override int Read(byte[] buffer, int offset, int count) => ReceiveStream.Read(buffer, offset, count);

    /// <summary>Writes to the send stream synchronously, if it supports that.</summary>
    /// <param name="buffer">The bytes.</param>
    /// <param name="offset">Where in <paramref name="buffer"/> they start.</param>
    /// <param name="count">How many to write.</param>
    public override void Write(byte[] buffer, int offset, int count) => SendStream.Write(buffer, offset, count);

    /// <summary>Flushes the send stream.</summary>
    public override void Flush() => SendStream.Flush();

    /// <summary>Flushes the send stream.</summary>
    /// <param name="cancellationToken">A token that cancels the flush.</param>
    /// <returns>A task that completes when the send stream is flushed.</returns>
    public override Task FlushAsync(CancellationToken cancellationToken) => SendStream.FlushAsync(cancellationToken);

    /// <summary>
    /// Closes the send stream only (Trio's <c>send_eof</c>, which falls back to closing the send stream): the peer reads
    /// the end of the stream, and this side can go on reading.
    /// </summary>
    /// <returns>An awaitable; for the toolkit's streams, a checkpoint.</returns>
    public ValueTask CompleteWritesAsync() => SendStream.DisposeAsync();

    /// <summary>Closes the send stream, then the receive stream, even if closing the first throws (Trio's <c>aclose</c>).</summary>
    /// <returns>An awaitable; for the toolkit's streams, two checkpoints.</returns>
    [AsyncMethodBuilder(typeof(LoopValueTaskMethodBuilder))]
    public override async ValueTask DisposeAsync()
    {
        try
        {
            await SendStream.DisposeAsync();
        }
        finally
        {
            await ReceiveStream.DisposeAsync();
            GC.SuppressFinalize(this);
        }
    }

    /// <summary>Not supported.</summary>
    /// <param name="offset">Unused.</param>
    /// <param name="origin">Unused.</param>
    /// <returns>Never returns.</returns>
    /// <exception cref="NotSupportedException">Always.</exception>
    public override long Seek(long offset, SeekOrigin origin) => throw NotSeekable();

    /// <summary>Not supported.</summary>
    /// <param name="value">Unused.</param>
    /// <exception cref="NotSupportedException">Always.</exception>
    public override void SetLength(long value) => throw NotSeekable();

    /// <inheritdoc/>
    public override string ToString() => $"{nameof(StapledStream)} (send: {SendStream}; receive: {ReceiveStream})";

    /// <summary>Closes the send stream, then the receive stream, even if closing the first throws.</summary>
    /// <param name="disposing"><see langword="true"/> when called from <see cref="Stream.Dispose()"/>.</param>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            try
            {
                SendStream.Dispose();
            }
            finally
            {
                ReceiveStream.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    /// <summary>The error for a seeking member.</summary>
    private static NotSupportedException NotSeekable() => new($"{nameof(StapledStream)} cannot seek: it joins two one-way streams.");
}
