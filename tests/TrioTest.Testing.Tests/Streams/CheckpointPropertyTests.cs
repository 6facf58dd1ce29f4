using FluentAssertions;

namespace TrioTest.Testing.Tests.Streams;

/// <summary>Trio's rule for streams: every async operation that completes is a checkpoint, even when it need not wait.</summary>
public sealed class CheckpointPropertyTests
{
    [Theory]
    [InlineData("MemorySendStream.WriteAsync")]
    [InlineData("MemorySendStream.WriteAsync (empty)")]
    [InlineData("MemorySendStream.WaitSendAllMightNotBlockAsync")]
    [InlineData("MemorySendStream.GetDataAsync (data ready)")]
    [InlineData("MemorySendStream.GetDataAsync (closed and drained)")]
    [InlineData("MemorySendStream.DisposeAsync")]
    [InlineData("MemoryReceiveStream.ReadAsync (data ready)")]
    [InlineData("MemoryReceiveStream.ReadAsync (end of stream)")]
    [InlineData("MemoryReceiveStream.ReadAsync (byte array)")]
    [InlineData("MemoryReceiveStream.DisposeAsync")]
    [InlineData("LockstepSendStream.WaitSendAllMightNotBlockAsync (receiver closed)")]
    [InlineData("LockstepSendStream.DisposeAsync")]
    [InlineData("LockstepReceiveStream.ReadAsync (end of stream)")]
    [InlineData("LockstepReceiveStream.DisposeAsync")]
    [InlineData("StapledStream.WriteAsync")]
    [InlineData("StapledStream.ReadAsync")]
    [InlineData("StapledStream.CompleteWritesAsync")]
    [InlineData("StapledStream.DisposeAsync")]
    public void Operation_ThatCompletes_IsACheckpoint(string operation)
    {
        Exception? error = VirtualRun.Run(() => Capture.ExceptionAsync(async () =>
        {
            Func<Task> body = await ArrangeAsync(operation);
            await Checkpoints.AssertCheckpointsAsync(body);
        }));

        error.Should().BeNull();
    }

    [Fact]
    public void DisposeAsync_OutsideARun_OnlyCloses()
    {
        var stream = new MemoryReceiveStream();

        ValueTask close = stream.DisposeAsync();

        close.IsCompletedSuccessfully.Should().BeTrue();
        stream.IsClosed.Should().BeTrue();
    }

    /// <summary>Sets the streams up for <paramref name="operation"/> and returns the operation.</summary>
    private static async Task<Func<Task>> ArrangeAsync(string operation)
    {
        var send = new MemorySendStream();
        var receive = new MemoryReceiveStream();
        var (lockstepSend, lockstepReceive) = LockstepStreams.CreateOneWayPair();
        var (first, second) = MemoryStreams.CreatePair();
        var buffer = new byte[8];
        switch (operation)
        {
            case "MemorySendStream.WriteAsync":
                return () => send.WriteAsync(new byte[3]).AsTask();
            case "MemorySendStream.WriteAsync (empty)":
                return () => send.WriteAsync(ReadOnlyMemory<byte>.Empty).AsTask();
            case "MemorySendStream.WaitSendAllMightNotBlockAsync":
                return () => send.WaitSendAllMightNotBlockAsync().AsTask();
            case "MemorySendStream.GetDataAsync (data ready)":
                await send.WriteAsync(new byte[3]);
                return () => send.GetDataAsync(2).AsTask();
            case "MemorySendStream.GetDataAsync (closed and drained)":
                send.Dispose();
                return () => send.GetDataAsync().AsTask();
            case "MemorySendStream.DisposeAsync":
                return () => send.DisposeAsync().AsTask();
            case "MemoryReceiveStream.ReadAsync (data ready)":
                receive.PutData(new byte[3]);
                return () => receive.ReadAsync(buffer).AsTask();
            case "MemoryReceiveStream.ReadAsync (end of stream)":
                receive.PutEof();
                return () => receive.ReadAsync(buffer).AsTask();
            case "MemoryReceiveStream.ReadAsync (byte array)":
                receive.PutData(new byte[3]);
                return () => receive.ReadAsync(buffer, 0, buffer.Length);
            case "MemoryReceiveStream.DisposeAsync":
                return () => receive.DisposeAsync().AsTask();
            case "LockstepSendStream.WaitSendAllMightNotBlockAsync (receiver closed)":
                lockstepReceive.Dispose();
                return () => lockstepSend.WaitSendAllMightNotBlockAsync().AsTask();
            case "LockstepSendStream.DisposeAsync":
                return () => lockstepSend.DisposeAsync().AsTask();
            case "LockstepReceiveStream.ReadAsync (end of stream)":
                lockstepSend.Dispose();
                return () => lockstepReceive.ReadAsync(buffer).AsTask();
            case "LockstepReceiveStream.DisposeAsync":
                return () => lockstepReceive.DisposeAsync().AsTask();
            case "StapledStream.WriteAsync":
                return () => first.WriteAsync(new byte[3]).AsTask();
            case "StapledStream.ReadAsync":
                ((MemoryReceiveStream)first.ReceiveStream).PutData(new byte[3]);
                return () => first.ReadAsync(buffer).AsTask();
            case "StapledStream.CompleteWritesAsync":
                return () => second.CompleteWritesAsync().AsTask();
            case "StapledStream.DisposeAsync":
                return () => second.DisposeAsync().AsTask();
            default:
                throw new ArgumentOutOfRangeException(nameof(operation), operation, "unknown operation");
        }
    }
}
