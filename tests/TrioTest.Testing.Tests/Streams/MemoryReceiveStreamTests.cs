using System.Text;
using FluentAssertions;

namespace TrioTest.Testing.Tests.Streams;

public sealed class MemoryReceiveStreamTests
{
    [Fact]
    public void ReadAsync_IsACheckpoint_AndTakesAtMostTheBufferLength()
    {
        var stream = new MemoryReceiveStream();
        stream.PutData("hello"u8);
        var buffer = new byte[3];

        int read = VirtualRun.Run(async () =>
        {
            using (Checkpoints.AssertCheckpoints())
            {
                return await stream.ReadAsync(buffer);
            }
        });

        read.Should().Be(3);
        buffer.Should().Equal("hel"u8.ToArray());
        stream.BufferedCount.Should().Be(2);
    }

    [Fact]
    public void PutData_IsNotACheckpoint()
    {
        var stream = new MemoryReceiveStream();

        Exception? error = VirtualRun.Run(() => Capture.ExceptionAsync(() =>
        {
            using (Checkpoints.AssertNoCheckpoints())
            {
                stream.PutData("abc"u8);
                stream.PutEof();
            }

            return Task.CompletedTask;
        }));

        error.Should().BeNull();
    }

    [Fact]
    public void ReadAsync_NothingBuffered_WaitsForPutData()
    {
        var stream = new MemoryReceiveStream();
        var log = new List<string>();

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            nursery.StartSoon(async () => log.Add($"read {await stream.ReadAsync(new byte[10])}"), "reader");
            await Trio.WaitAllTasksBlockedAsync();
            log.Add("putting");
            stream.PutData("four"u8);
        }));

        log.Should().Equal("putting", "read 4");
    }

    [Fact]
    public void ReadAsync_AfterPutEofAndDrain_ReturnsZeroForever()
    {
        var stream = new MemoryReceiveStream();
        stream.PutData("ab"u8);
        stream.PutEof();
        stream.PutEof();

        List<int> reads = VirtualRun.Run(async () =>
        {
            var buffer = new byte[10];
            return new List<int> { await stream.ReadAsync(buffer), await stream.ReadAsync(buffer), await stream.ReadAsync(buffer) };
        });

        reads.Should().Equal(2, 0, 0);
    }

    [Fact]
    public void ReadAsync_PutEofWhileWaiting_ReturnsZero()
    {
        var stream = new MemoryReceiveStream();
        int read = -1;

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            nursery.StartSoon(async () => read = await stream.ReadAsync(new byte[10]), "reader");
            await Trio.WaitAllTasksBlockedAsync();
            stream.PutEof();
        }));

        read.Should().Be(0);
    }

    [Fact]
    public void PutData_AfterPutEof_ThrowsObjectDisposedException()
    {
        var stream = new MemoryReceiveStream();
        stream.PutEof();

        Exception? error = Capture.Exception(() => stream.PutData("late"u8));

        error.Should().BeOfType<ObjectDisposedException>().Which.Message.Should().Contain("PutEof");
        stream.IsEofPut.Should().BeTrue();
    }

    [Fact]
    public void Dispose_WhileAReadWaits_WakesTheReaderWithObjectDisposedException()
    {
        var stream = new MemoryReceiveStream();
        Exception? error = null;

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            nursery.StartSoon(async () => error = await Capture.ExceptionAsync(() => stream.ReadAsync(new byte[10]).AsTask()), "reader");
            await Trio.WaitAllTasksBlockedAsync();
            stream.Dispose();
        }));

        error.Should().BeOfType<ObjectDisposedException>().Which.Message.Should().Contain("MemoryReceiveStream is closed");
    }

    [Fact]
    public void Dispose_DropsBufferedData_AndLaterReadsAndPutsThrow()
    {
        var stream = new MemoryReceiveStream();
        stream.PutData("unread"u8);

        stream.Dispose();
        Exception? read = VirtualRun.Run(() => Capture.ExceptionAsync(() => stream.ReadAsync(new byte[10]).AsTask()));
        Exception? put = Capture.Exception(() => stream.PutData("more"u8));

        stream.BufferedCount.Should().Be(0);
        read.Should().BeOfType<ObjectDisposedException>();
        put.Should().BeOfType<ObjectDisposedException>().Which.Message.Should().Contain("closed");
    }

    [Fact]
    public void ReadAsync_TwoTasksReading_SecondThrowsBusyResourceException()
    {
        var stream = new MemoryReceiveStream();
        Exception? error = null;

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            nursery.StartSoon(() => stream.ReadAsync(new byte[1]).AsTask(), "first reader");
            await Trio.WaitAllTasksBlockedAsync();
            error = await Capture.ExceptionAsync(() => stream.ReadAsync(new byte[1]).AsTask());
            stream.PutEof();
        }));

        error.Should().BeOfType<BusyResourceException>()
            .Which.Message.Should().Be("Another call (in task main/first reader) is already receiving from this MemoryReceiveStream: ReadAsync takes one call at a time.");
    }

    [Fact]
    public void ReadAsync_EmptyBuffer_ThrowsArgumentException()
    {
        var stream = new MemoryReceiveStream();

        Exception? error = Capture.Exception(() => stream.ReadAsync(Memory<byte>.Empty));

        error.Should().BeOfType<ArgumentException>().Which.ParamName.Should().Be("buffer");
    }

    [Fact]
    public void ReadAsync_ReceiveSomeHook_RunsBeforeTheDataIsTaken()
    {
        MemoryReceiveStream? stream = null;
        stream = new MemoryReceiveStream
        {
            ReceiveSomeHook = () =>
            {
                stream!.PutData("from hook"u8);
                return Task.CompletedTask;
            },
        };
        var buffer = new byte[20];

        int read = VirtualRun.Run(async () => await stream.ReadAsync(buffer));

        Encoding.ASCII.GetString(buffer, 0, read).Should().Be("from hook");
    }

    [Fact]
    public void Dispose_Twice_RunsTheCloseHookOnce()
    {
        int closes = 0;
        var stream = new MemoryReceiveStream { CloseHook = () => closes++ };

        stream.Dispose();
        stream.Dispose();

        closes.Should().Be(1);
        stream.CanRead.Should().BeFalse();
    }

    [Fact]
    public void ReadAsync_TokenCancelledWhileWaiting_ThrowsOperationCanceledExceptionForThatToken()
    {
        var stream = new MemoryReceiveStream();
        using var source = new CancellationTokenSource();
        Exception? error = null;

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            nursery.StartSoon(async () => error = await Capture.ExceptionAsync(() => stream.ReadAsync(new byte[1], source.Token).AsTask()), "reader");
            await Trio.WaitAllTasksBlockedAsync();
            source.Cancel();
        }));

        error.Should().BeAssignableTo<OperationCanceledException>()
            .Which.CancellationToken.Should().Be(source.Token);
        stream.CanRead.Should().BeTrue("cancelling a read leaves the stream usable");
    }

    [Fact]
    public void ReadAsync_ThroughStreamReader_ReadsToTheEndWithoutLeavingTheLoop()
    {
        var stream = new MemoryReceiveStream();
        string? text = null;
        TimeSpan finishedAt = TimeSpan.Zero;

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            nursery.StartSoon(async () =>
            {
                foreach (string part in new[] { "hello, ", "trio", "test" })
                {
                    await Trio.SleepAsync(TimeSpan.FromSeconds(1));
                    stream.PutData(Encoding.UTF8.GetBytes(part));
                }

                stream.PutEof();
            }, "feeder");
            using var reader = new StreamReader(stream);
            text = await reader.ReadToEndAsync();
            finishedAt = Trio.CurrentTime;
        }));

        // StreamReader awaits with ConfigureAwait(false); the run fails on any escape from the loop, so reaching here shows none.
        text.Should().Be("hello, triotest");
        finishedAt.Should().Be(TimeSpan.FromSeconds(3));
    }
}
