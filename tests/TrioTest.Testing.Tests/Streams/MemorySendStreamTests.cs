using FluentAssertions;

namespace TrioTest.Testing.Tests.Streams;

public sealed class MemorySendStreamTests
{
    [Fact]
    public void WriteAsync_IsACheckpoint_AndBuffersTheData()
    {
        var stream = new MemorySendStream();

        byte[] buffered = VirtualRun.Run(async () =>
        {
            using (Checkpoints.AssertCheckpoints())
            {
                await stream.WriteAsync("abc"u8.ToArray());
            }

            return await stream.GetDataAsync();
        });

        buffered.Should().Equal("abc"u8.ToArray());
    }

    [Fact]
    public void GetDataAsync_WithMaxBytes_TakesAtMostThatMany()
    {
        var stream = new MemorySendStream();

        (byte[] first, byte[] rest) = VirtualRun.Run(async () =>
        {
            await stream.WriteAsync("hello"u8.ToArray());
            return (await stream.GetDataAsync(2), await stream.GetDataAsync());
        });

        first.Should().Equal("he"u8.ToArray());
        rest.Should().Equal("llo"u8.ToArray());
    }

    [Fact]
    public void GetDataAsync_EmptyBuffer_WaitsForTheNextWrite()
    {
        var stream = new MemorySendStream();
        var log = new List<string>();

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            nursery.StartSoon(async () => log.Add($"got {(await stream.GetDataAsync()).Length} bytes"), "getter");
            await Trio.WaitAllTasksBlockedAsync();
            log.Add("writing");
            await stream.WriteAsync(new byte[3]);
        }));

        log.Should().Equal("writing", "got 3 bytes");
    }

    [Fact]
    public void GetDataAsync_StreamClosedWhileWaiting_ReturnsEmpty()
    {
        var stream = new MemorySendStream();
        byte[]? got = null;

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            nursery.StartSoon(async () => got = await stream.GetDataAsync(), "getter");
            await Trio.WaitAllTasksBlockedAsync();
            stream.Dispose();
        }));

        got.Should().BeEmpty();
    }

    [Fact]
    public void GetDataAsync_AfterClose_DrainsThenReturnsEmptyForever()
    {
        var stream = new MemorySendStream();

        List<int> lengths = VirtualRun.Run(async () =>
        {
            await stream.WriteAsync(new byte[4]);
            stream.Dispose();
            return new List<int> { (await stream.GetDataAsync()).Length, (await stream.GetDataAsync()).Length, (await stream.GetDataAsync()).Length };
        });

        lengths.Should().Equal(4, 0, 0);
    }

    [Fact]
    public void GetDataAsync_IsACheckpointWhenDataIsReady()
    {
        var stream = new MemorySendStream();

        Exception? error = VirtualRun.Run(() => Capture.ExceptionAsync(async () =>
        {
            await stream.WriteAsync(new byte[1]);
            using (Checkpoints.AssertCheckpoints())
            {
                await stream.GetDataAsync();
            }
        }));

        error.Should().BeNull();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void GetDataAsync_MaxBytesBelowOne_ThrowsArgumentOutOfRangeExceptionNamingTheValue(int maxBytes)
    {
        var stream = new MemorySendStream();

        Exception? error = VirtualRun.Run(() => Capture.ExceptionAsync(() => stream.GetDataAsync(maxBytes).AsTask()));

        error.Should().BeOfType<ArgumentOutOfRangeException>()
            .Which.Should().Match<ArgumentOutOfRangeException>(e => e.ParamName == "maxBytes" && Equals(e.ActualValue, maxBytes));
    }

    [Fact]
    public void GetDataAsync_TwoTasksWaiting_SecondThrowsBusyResourceException()
    {
        var stream = new MemorySendStream();
        Exception? error = null;

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            nursery.StartSoon(() => stream.GetDataAsync().AsTask(), "first getter");
            await Trio.WaitAllTasksBlockedAsync();
            error = await Capture.ExceptionAsync(() => stream.GetDataAsync().AsTask());
            stream.Dispose();
        }));

        error.Should().BeOfType<BusyResourceException>().Which.Message.Should().Contain("main/first getter");
    }

    [Fact]
    public void TryGetData_EmptyOpenBuffer_ReturnsFalse_AndAfterCloseReturnsTrueWithNoData()
    {
        var stream = new MemorySendStream();

        bool openResult = stream.TryGetData(out byte[] openData);
        stream.Dispose();
        bool closedResult = stream.TryGetData(out byte[] closedData);

        openResult.Should().BeFalse();
        openData.Should().BeEmpty();
        closedResult.Should().BeTrue();
        closedData.Should().BeEmpty();
    }

    [Fact]
    public void TryGetData_WithMaxBytes_TakesAtMostThatMany()
    {
        var stream = new MemorySendStream();

        bool got = VirtualRun.Run(async () =>
        {
            await stream.WriteAsync("xyz"u8.ToArray());
            return stream.TryGetData(1, out _);
        });

        got.Should().BeTrue();
        stream.BufferedCount.Should().Be(2);
    }

    [Fact]
    public void WriteAsync_TwoTasksWriting_SecondThrowsBusyResourceException()
    {
        var release = new Event("release");
        var stream = new MemorySendStream { SendAllHook = () => release.WaitAsync().AsTask() };
        Exception? error = null;

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            nursery.StartSoon(() => stream.WriteAsync(new byte[1]).AsTask(), "first writer");
            await Trio.WaitAllTasksBlockedAsync();
            error = await Capture.ExceptionAsync(() => stream.WriteAsync(new byte[1]).AsTask());
            release.Set();
        }));

        error.Should().BeOfType<BusyResourceException>()
            .Which.Message.Should().Be("Another call (in task main/first writer) is already sending on this MemorySendStream: WriteAsync and WaitSendAllMightNotBlockAsync take one call at a time.");
    }

    [Fact]
    public void WaitSendAllMightNotBlockAsync_WhileAWriteIsInProgress_ThrowsBusyResourceException()
    {
        var release = new Event("release");
        var stream = new MemorySendStream { SendAllHook = () => release.WaitAsync().AsTask() };
        Exception? error = null;

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            nursery.StartSoon(() => stream.WriteAsync(new byte[1]).AsTask(), "writer");
            await Trio.WaitAllTasksBlockedAsync();
            error = await Capture.ExceptionAsync(() => stream.WaitSendAllMightNotBlockAsync().AsTask());
            release.Set();
        }));

        error.Should().BeOfType<BusyResourceException>();
    }

    [Fact]
    public void WaitSendAllMightNotBlockAsync_OpenStream_IsACheckpointAndRunsTheHook()
    {
        int hookCalls = 0;
        var stream = new MemorySendStream
        {
            WaitSendAllMightNotBlockHook = () =>
            {
                hookCalls++;
                return Task.CompletedTask;
            },
        };

        Exception? error = VirtualRun.Run(() => Capture.ExceptionAsync(() =>
            Checkpoints.AssertCheckpointsAsync(() => stream.WaitSendAllMightNotBlockAsync().AsTask())));

        error.Should().BeNull();
        hookCalls.Should().Be(1);
    }

    [Fact]
    public void WriteAsync_SendAllHook_RunsAfterTheDataIsBuffered()
    {
        int bufferedWhenHookRan = -1;
        MemorySendStream? stream = null;
        stream = new MemorySendStream
        {
            SendAllHook = () =>
            {
                bufferedWhenHookRan = stream!.BufferedCount;
                return Task.CompletedTask;
            },
        };

        VirtualRun.Run(async () => await stream.WriteAsync(new byte[5]));

        bufferedWhenHookRan.Should().Be(5);
    }

    [Fact]
    public void WriteAsync_AfterClose_PassesItsCheckpointsThenThrowsObjectDisposedException()
    {
        var stream = new MemorySendStream();
        stream.Dispose();

        Exception? error = VirtualRun.Run(() => Capture.ExceptionAsync(async () =>
        {
            using (Checkpoints.AssertCheckpoints())
            {
                await stream.WriteAsync(new byte[1]);
            }
        }));

        error.Should().BeOfType<ObjectDisposedException>().Which.Message.Should().Contain("MemorySendStream is closed");
    }

    [Fact]
    public void WaitSendAllMightNotBlockAsync_AfterClose_ThrowsObjectDisposedException()
    {
        var stream = new MemorySendStream();
        stream.Dispose();

        Exception? error = VirtualRun.Run(() => Capture.ExceptionAsync(() => stream.WaitSendAllMightNotBlockAsync().AsTask()));

        error.Should().BeOfType<ObjectDisposedException>();
    }

    [Fact]
    public void Dispose_Twice_RunsTheCloseHookOnce()
    {
        int closes = 0;
        var stream = new MemorySendStream { CloseHook = () => closes++ };

        stream.Dispose();
        stream.Dispose();

        closes.Should().Be(1);
        stream.IsClosed.Should().BeTrue();
        stream.CanWrite.Should().BeFalse();
    }

    [Fact]
    public void DisposeAsync_IsACheckpoint()
    {
        var stream = new MemorySendStream();

        Exception? error = VirtualRun.Run(() => Capture.ExceptionAsync(() =>
            Checkpoints.AssertCheckpointsAsync(() => stream.DisposeAsync().AsTask())));

        error.Should().BeNull();
        stream.IsClosed.Should().BeTrue();
    }

    [Fact]
    public void DisposeAsync_InACancelledScope_ThrowsCancelledButStillCloses()
    {
        var stream = new MemorySendStream();
        var scope = new CancelScope();

        VirtualRun.Run(() => scope.RunAsync(async () =>
        {
            scope.Cancel();
            await stream.DisposeAsync();
        }));

        scope.CancelledCaught.Should().BeTrue();
        stream.IsClosed.Should().BeTrue();
    }

    [Fact]
    public void SynchronousMembers_ThrowNotSupportedExceptionPointingToTheAsyncForm()
    {
        var stream = new MemorySendStream();

        Exception? write = Capture.Exception(() => stream.Write(new byte[1], 0, 1));
        Exception? read = Capture.Exception(() => stream.ReadAsync(new byte[1]));
        Exception? seek = Capture.Exception(() => stream.Seek(0, SeekOrigin.Begin));
        stream.Flush();

        write.Should().BeOfType<NotSupportedException>().Which.Message.Should().Contain("Use WriteAsync");
        read.Should().BeOfType<NotSupportedException>().Which.Message.Should().Contain("write-only");
        seek.Should().BeOfType<NotSupportedException>();
        stream.CanSeek.Should().BeFalse();
        stream.CanRead.Should().BeFalse();
        stream.CanWrite.Should().BeTrue();
    }

    [Fact]
    public async Task WriteAsync_OutsideARun_ThrowsInvalidOperationException()
    {
        var stream = new MemorySendStream();

        Exception? error = await Capture.ExceptionAsync(() => stream.WriteAsync(new byte[1]).AsTask());

        error.Should().BeOfType<InvalidOperationException>().Which.Message.Should().Contain("Trio.Run");
    }
}
