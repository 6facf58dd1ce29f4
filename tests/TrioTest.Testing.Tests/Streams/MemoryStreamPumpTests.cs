using FluentAssertions;

namespace TrioTest.Testing.Tests.Streams;

public sealed class MemoryStreamPumpTests
{
    [Fact]
    public void Pump_EmptyOpenSendBuffer_ReturnsFalseAndMovesNothing()
    {
        var send = new MemorySendStream();
        var receive = new MemoryReceiveStream();

        bool moved = MemoryStreamPump.Pump(send, receive);

        moved.Should().BeFalse();
        receive.BufferedCount.Should().Be(0);
        receive.IsEofPut.Should().BeFalse();
    }

    [Fact]
    public void Pump_WithMaxBytes_MovesAtMostThatMany()
    {
        var send = new MemorySendStream();
        var receive = new MemoryReceiveStream();

        VirtualRun.Run(async () => await send.WriteAsync("abcde"u8.ToArray()));
        bool moved = MemoryStreamPump.Pump(send, receive, maxBytes: 2);

        moved.Should().BeTrue();
        receive.BufferedCount.Should().Be(2);
        send.BufferedCount.Should().Be(3);
    }

    [Fact]
    public void Pump_SendClosedAndDrained_PutsTheEndOfTheStream()
    {
        var send = new MemorySendStream();
        var receive = new MemoryReceiveStream();
        send.Dispose();

        bool first = MemoryStreamPump.Pump(send, receive);
        bool second = MemoryStreamPump.Pump(send, receive);

        first.Should().BeTrue();
        second.Should().BeTrue("the end of the stream is put again, which does nothing more");
        receive.IsEofPut.Should().BeTrue();
    }

    [Fact]
    public void Pump_SendClosedWithDataLeft_MovesTheDataBeforeTheEnd()
    {
        var send = new MemorySendStream();
        var receive = new MemoryReceiveStream();
        VirtualRun.Run(async () => await send.WriteAsync("ab"u8.ToArray()));
        send.Dispose();

        MemoryStreamPump.Pump(send, receive);
        bool eofAfterData = receive.IsEofPut;
        MemoryStreamPump.Pump(send, receive);

        eofAfterData.Should().BeFalse();
        receive.BufferedCount.Should().Be(2);
        receive.IsEofPut.Should().BeTrue();
    }

    [Fact]
    public void Pump_ReceiveStreamClosed_ThrowsBrokenResourceException()
    {
        var send = new MemorySendStream();
        var receive = new MemoryReceiveStream();
        VirtualRun.Run(async () => await send.WriteAsync("ab"u8.ToArray()));
        receive.Dispose();

        Exception? error = Capture.Exception(() => MemoryStreamPump.Pump(send, receive));

        error.Should().BeOfType<BrokenResourceException>().Which.Message.Should().StartWith("MemoryReceiveStream was closed");
    }

    [Fact]
    public void Pump_MaxBytesZero_ThrowsArgumentOutOfRangeException()
    {
        var send = new MemorySendStream();
        var receive = new MemoryReceiveStream();

        Exception? error = Capture.Exception(() => MemoryStreamPump.Pump(send, receive, maxBytes: 0));

        error.Should().BeOfType<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("maxBytes");
    }

    [Fact]
    public void Pump_IsNotACheckpoint()
    {
        var send = new MemorySendStream();
        var receive = new MemoryReceiveStream();

        Exception? error = VirtualRun.Run(() => Capture.ExceptionAsync(async () =>
        {
            await send.WriteAsync(new byte[4]);
            using (Checkpoints.AssertNoCheckpoints())
            {
                MemoryStreamPump.Pump(send, receive);
            }
        }));

        error.Should().BeNull();
    }
}
