using System.Text;
using FluentAssertions;

namespace TrioTest.Testing.Tests.Streams;

public sealed class LockstepStreamsTests
{
    [Fact]
    public void WriteAsync_ReturnsOnlyAfterTheReceiverHasTakenEveryByte()
    {
        var (send, receive) = LockstepStreams.CreateOneWayPair();
        var log = new List<string>();

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            nursery.StartSoon(async () =>
            {
                await send.WriteAsync("0123456789"u8.ToArray());
                log.Add("write returned");
            }, "writer");
            var buffer = new byte[4];
            for (int i = 0; i < 3; i++)
            {
                await Trio.WaitAllTasksBlockedAsync();
                int read = await receive.ReadAsync(buffer);
                log.Add($"read {Encoding.ASCII.GetString(buffer, 0, read)}");
            }
        }));

        log.Should().Equal("read 0123", "read 4567", "read 89", "write returned");
    }

    [Fact]
    public void ReadAsync_WaitsForAWriter()
    {
        var (send, receive) = LockstepStreams.CreateOneWayPair();
        var log = new List<string>();

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            nursery.StartSoon(async () => log.Add($"read {await receive.ReadAsync(new byte[10])}"), "reader");
            await Trio.SleepAsync(TimeSpan.FromSeconds(1));
            log.Add("writing");
            await send.WriteAsync(new byte[3]);
        }));

        log.Should().Equal("writing", "read 3");
    }

    [Fact]
    public void WaitSendAllMightNotBlockAsync_ReturnsOnceAReaderWaits()
    {
        var (send, receive) = LockstepStreams.CreateOneWayPair();
        var log = new List<string>();

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            nursery.StartSoon(async () =>
            {
                log.Add("waiter sleeping");
                await send.WaitSendAllMightNotBlockAsync();
                log.Add("waiter woke");
            }, "waiter");
            await Trio.WaitAllTasksBlockedAsync();
            nursery.StartSoon(async () =>
            {
                log.Add("receiver starting");
                _ = await receive.ReadAsync(new byte[1]);
            }, "receiver");
            await Trio.WaitAllTasksBlockedAsync();
            send.Dispose();
        }));

        log.Should().Equal("waiter sleeping", "receiver starting", "waiter woke");
    }

    [Fact]
    public void WaitSendAllMightNotBlockAsync_ReceiverClosed_ReturnsAfterACheckpoint()
    {
        var (send, receive) = LockstepStreams.CreateOneWayPair();
        receive.Dispose();

        Exception? error = VirtualRun.Run(() => Capture.ExceptionAsync(() =>
            Checkpoints.AssertCheckpointsAsync(() => send.WaitSendAllMightNotBlockAsync().AsTask())));

        error.Should().BeNull();
    }

    [Fact]
    public void WriteAsync_TwoTasksWriting_SecondThrowsBusyResourceException()
    {
        var (send, receive) = LockstepStreams.CreateOneWayPair();
        Exception? error = null;

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            nursery.StartSoon(() => Capture.ExceptionAsync(() => send.WriteAsync(new byte[1]).AsTask()), "first writer");
            await Trio.WaitAllTasksBlockedAsync();
            error = await Capture.ExceptionAsync(() => send.WriteAsync(new byte[1]).AsTask());
            receive.Dispose();
        }));

        error.Should().BeOfType<BusyResourceException>().Which.Message.Should().Contain("main/first writer").And.Contain("already sending");
    }

    [Fact]
    public void ReadAsync_TwoTasksReading_SecondThrowsBusyResourceException()
    {
        var (send, receive) = LockstepStreams.CreateOneWayPair();
        Exception? error = null;

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            nursery.StartSoon(() => receive.ReadAsync(new byte[1]).AsTask(), "first reader");
            await Trio.WaitAllTasksBlockedAsync();
            error = await Capture.ExceptionAsync(() => receive.ReadAsync(new byte[1]).AsTask());
            send.Dispose();
        }));

        error.Should().BeOfType<BusyResourceException>().Which.Message.Should().Contain("main/first reader").And.Contain("already receiving");
    }

    [Fact]
    public void WriteAsync_SenderClosed_ThrowsObjectDisposedException()
    {
        var (send, _) = LockstepStreams.CreateOneWayPair();
        send.Dispose();

        Exception? error = VirtualRun.Run(() => Capture.ExceptionAsync(() => send.WriteAsync(new byte[1]).AsTask()));

        error.Should().BeOfType<ObjectDisposedException>();
    }

    [Fact]
    public void WriteAsync_ReceiverClosed_ThrowsBrokenResourceException()
    {
        var (send, receive) = LockstepStreams.CreateOneWayPair();
        receive.Dispose();

        Exception? error = VirtualRun.Run(() => Capture.ExceptionAsync(() => send.WriteAsync(new byte[1]).AsTask()));

        error.Should().BeOfType<BrokenResourceException>();
    }

    [Fact]
    public void WriteAsync_ReceiverClosedBeforeTakingEverything_ThrowsBrokenResourceException()
    {
        var (send, receive) = LockstepStreams.CreateOneWayPair();
        Exception? error = null;

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            nursery.StartSoon(async () => error = await Capture.ExceptionAsync(() => send.WriteAsync(new byte[10]).AsTask()), "writer");
            await Trio.WaitAllTasksBlockedAsync();
            _ = await receive.ReadAsync(new byte[4]);
            receive.Dispose();
        }));

        error.Should().BeOfType<BrokenResourceException>().Which.Message.Should().Contain("6 bytes were never read");
    }

    [Fact]
    public void WriteAsync_SenderClosedDuringTheWrite_ThrowsObjectDisposedException()
    {
        var (send, _) = LockstepStreams.CreateOneWayPair();
        Exception? error = null;

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            nursery.StartSoon(async () => error = await Capture.ExceptionAsync(() => send.WriteAsync(new byte[1]).AsTask()), "writer");
            await Trio.WaitAllTasksBlockedAsync();
            send.Dispose();
        }));

        error.Should().BeOfType<ObjectDisposedException>().Which.Message.Should().Contain("LockstepSendStream is closed");
    }

    [Fact]
    public void ReadAsync_SenderClosed_ReturnsZeroForever()
    {
        var (send, receive) = LockstepStreams.CreateOneWayPair();
        send.Dispose();

        List<int> reads = VirtualRun.Run(async () =>
            new List<int> { await receive.ReadAsync(new byte[1]), await receive.ReadAsync(new byte[1]) });

        reads.Should().Equal(0, 0);
    }

    [Fact]
    public void Dispose_WhileAReadWaits_WakesTheReaderWithObjectDisposedException()
    {
        var (_, receive) = LockstepStreams.CreateOneWayPair();
        Exception? error = null;

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            nursery.StartSoon(async () => error = await Capture.ExceptionAsync(() => receive.ReadAsync(new byte[1]).AsTask()), "reader");
            await Trio.WaitAllTasksBlockedAsync();
            receive.Dispose();
        }));

        error.Should().BeOfType<ObjectDisposedException>();
    }

    [Fact]
    public void WriteAndRead_EachPassACheckpoint()
    {
        var (send, receive) = LockstepStreams.CreateOneWayPair();
        var errors = new List<Exception?>();

        VirtualRun.Run(() => Nursery.RunAsync(nursery =>
        {
            nursery.StartSoon(async () => errors.Add(await Capture.ExceptionAsync(() =>
                Checkpoints.AssertCheckpointsAsync(() => send.WriteAsync(new byte[2]).AsTask()))), "writer");
            nursery.StartSoon(async () => errors.Add(await Capture.ExceptionAsync(() =>
                Checkpoints.AssertCheckpointsAsync(() => receive.ReadAsync(new byte[2]).AsTask()))), "reader");
            return Task.CompletedTask;
        }));

        errors.Should().HaveCount(2).And.OnlyContain(error => error == null);
    }

    [Fact]
    public void CreatePair_RequestAndResponse_FlowBothWaysInLockstep()
    {
        var (client, server) = LockstepStreams.CreatePair();
        var log = new List<string>();

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            nursery.StartSoon(async () =>
            {
                var request = new byte[4];
                await server.ReadExactlyAsync(request);
                log.Add($"server got {Encoding.ASCII.GetString(request)}");
                await server.WriteAsync("pong"u8.ToArray());
                log.Add("server reply taken");
            }, "server");
            await client.WriteAsync("ping"u8.ToArray());
            log.Add("client request taken");
            var response = new byte[4];
            await client.ReadExactlyAsync(response);
            log.Add($"client got {Encoding.ASCII.GetString(response)}");
        }));

        log.Should().HaveCount(4).And.ContainInOrder("client request taken", "client got pong")
            .And.ContainInOrder("server got ping", "server reply taken")
            .And.ContainInOrder("server got ping", "client got pong");
    }
}
