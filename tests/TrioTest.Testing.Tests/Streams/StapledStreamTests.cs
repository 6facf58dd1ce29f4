using FluentAssertions;

namespace TrioTest.Testing.Tests.Streams;

public sealed class StapledStreamTests
{
    [Fact]
    public void WriteAsyncAndReadAsync_GoToTheSendAndComeFromTheReceiveStream()
    {
        var send = new MemorySendStream();
        var receive = new MemoryReceiveStream();
        var stapled = new StapledStream(send, receive);
        receive.PutData("in"u8);
        var buffer = new byte[10];

        (byte[] sent, int read) = VirtualRun.Run(async () =>
        {
            await stapled.WriteAsync("out"u8.ToArray());
            return (await send.GetDataAsync(), await stapled.ReadAsync(buffer));
        });

        sent.Should().Equal("out"u8.ToArray());
        read.Should().Be(2);
        buffer[..2].Should().Equal("in"u8.ToArray());
    }

    [Fact]
    public void CompleteWritesAsync_ClosesOnlyTheSendStream()
    {
        var (first, second) = MemoryStreams.CreatePair();
        var buffer = new byte[10];

        (int peerRead, int ownRead) = VirtualRun.Run(async () =>
        {
            await first.CompleteWritesAsync();
            await second.WriteAsync("still open"u8.ToArray());
            return (await second.ReadAsync(buffer), await first.ReadAsync(buffer));
        });

        peerRead.Should().Be(0);
        ownRead.Should().Be(10);
        first.CanWrite.Should().BeFalse();
        first.CanRead.Should().BeTrue();
    }

    [Fact]
    public void DisposeAsync_InACancelledScope_StillClosesBothStreams()
    {
        var send = new MemorySendStream();
        var receive = new MemoryReceiveStream();
        var stapled = new StapledStream(send, receive);
        var scope = new CancelScope();

        VirtualRun.Run(() => scope.RunAsync(async () =>
        {
            scope.Cancel();
            await stapled.DisposeAsync();
        }));

        scope.CancelledCaught.Should().BeTrue();
        send.IsClosed.Should().BeTrue();
        receive.IsClosed.Should().BeTrue();
    }

    [Fact]
    public void Dispose_ClosesBothStreams()
    {
        var send = new MemorySendStream();
        var receive = new MemoryReceiveStream();

        new StapledStream(send, receive).Dispose();

        send.IsClosed.Should().BeTrue();
        receive.IsClosed.Should().BeTrue();
    }

    [Fact]
    public void Constructor_SendStreamCannotWrite_ThrowsArgumentException()
    {
        var receive = new MemoryReceiveStream();

        Exception? error = Capture.Exception(() => new StapledStream(new MemoryReceiveStream(), receive));

        error.Should().BeOfType<ArgumentException>().Which.ParamName.Should().Be("sendStream");
    }

    [Fact]
    public void Constructor_ReceiveStreamCannotRead_ThrowsArgumentException()
    {
        var send = new MemorySendStream();

        Exception? error = Capture.Exception(() => new StapledStream(send, new MemorySendStream()));

        error.Should().BeOfType<ArgumentException>().Which.ParamName.Should().Be("receiveStream");
    }
}
