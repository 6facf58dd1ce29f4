using System.Text;
using FluentAssertions;

namespace TrioTest.Testing.Tests.Streams;

public sealed class MemoryStreamsTests
{
    [Fact]
    public void CreateOneWayPair_Write_ArrivesAtTheReceiver()
    {
        var (send, receive) = MemoryStreams.CreateOneWayPair();
        var buffer = new byte[10];

        int read = VirtualRun.Run(async () =>
        {
            await send.WriteAsync("hi"u8.ToArray());
            return await receive.ReadAsync(buffer);
        });

        read.Should().Be(2);
        buffer[..2].Should().Equal("hi"u8.ToArray());
    }

    [Fact]
    public void CreateOneWayPair_SenderCloses_ReceiverReadsTheDataThenTheEnd()
    {
        var (send, receive) = MemoryStreams.CreateOneWayPair();

        List<int> reads = VirtualRun.Run(async () =>
        {
            await send.WriteAsync(new byte[3]);
            await send.DisposeAsync();
            var buffer = new byte[10];
            return new List<int> { await receive.ReadAsync(buffer), await receive.ReadAsync(buffer) };
        });

        reads.Should().Equal(3, 0);
    }

    [Fact]
    public void CreateOneWayPair_ReceiverClosed_WriteThrowsBrokenResourceException()
    {
        var (send, receive) = MemoryStreams.CreateOneWayPair();
        receive.Dispose();

        Exception? error = VirtualRun.Run(() => Capture.ExceptionAsync(() => send.WriteAsync(new byte[1]).AsTask()));

        error.Should().BeOfType<BrokenResourceException>().Which.Message.Should().StartWith("MemoryReceiveStream was closed");
    }

    [Fact]
    public void CreateOneWayPair_WithoutTheSendHook_DeliversOnlyWhatIsPumped()
    {
        var (send, receive) = MemoryStreams.CreateOneWayPair();
        send.SendAllHook = null;
        var reads = new List<string>();

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            nursery.StartSoon(async () =>
            {
                var buffer = new byte[10];
                int read;
                while ((read = await receive.ReadAsync(buffer)) > 0)
                {
                    reads.Add(Encoding.ASCII.GetString(buffer, 0, read));
                }
            }, "reader");
            await send.WriteAsync("abc"u8.ToArray());
            await Trio.WaitAllTasksBlockedAsync();
            reads.Add("nothing yet");
            while (MemoryStreamPump.Pump(send, receive, maxBytes: 1))
            {
                await Trio.WaitAllTasksBlockedAsync();
            }

            send.Dispose();
        }));

        reads.Should().Equal("nothing yet", "a", "b", "c");
    }

    [Fact]
    public void CreatePair_RequestAndResponse_FlowBothWays()
    {
        var (client, server) = MemoryStreams.CreatePair();
        string? response = null;
        string? afterClose = "not read";

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            nursery.StartSoon(async () =>
            {
                await using (server)
                {
                    using var reader = new StreamReader(server, leaveOpen: true);
                    string? request = await reader.ReadLineAsync();
                    await server.WriteAsync(Encoding.UTF8.GetBytes($"echo: {request}\n"));
                }
            }, "server");
            await client.WriteAsync("ping\n"u8.ToArray());
            using var reader = new StreamReader(client, leaveOpen: true);
            response = await reader.ReadLineAsync();
            afterClose = await reader.ReadLineAsync();
        }));

        response.Should().Be("echo: ping");
        afterClose.Should().BeNull("the server closed its side");
    }

    [Fact]
    public void CreatePair_CopyToAsync_CopiesUntilThePeerCompletesWrites()
    {
        var (first, second) = MemoryStreams.CreatePair();
        var sink = new MemoryStream();

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            nursery.StartSoon(async () =>
            {
                await first.WriteAsync("part one, "u8.ToArray());
                await Trio.SleepAsync(TimeSpan.FromSeconds(5));
                await first.WriteAsync("part two"u8.ToArray());
                await first.CompleteWritesAsync();
            }, "writer");
            await second.CopyToAsync(sink);
        }));

        Encoding.ASCII.GetString(sink.ToArray()).Should().Be("part one, part two");
    }
}
