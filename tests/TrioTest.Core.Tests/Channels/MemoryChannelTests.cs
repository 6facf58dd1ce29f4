namespace TrioTest.Core.Tests.Channels;

public sealed class MemoryChannelTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(MemoryChannel.Unbounded)]
    public void ProducerAndConsumer_DeliverEveryValueOnceInOrder(int capacity)
    {
        var received = new List<int>();

        VirtualRun.Run(() => Nursery.RunAsync(nursery =>
        {
            var (send, receive) = MemoryChannel.Open<int>(capacity);
            nursery.StartSoon(async () =>
            {
                await using (send)
                {
                    for (int i = 0; i < 10; i++)
                    {
                        await send.SendAsync(i);
                    }
                }
            }, "producer");
            nursery.StartSoon(async () =>
            {
                await foreach (int value in receive)
                {
                    received.Add(value);
                }
            }, "consumer");
            return Task.CompletedTask;
        }), seed: 9, strategy: new RandomStrategy());

        Assert.Equal(Enumerable.Range(0, 10), received);
    }

    [Fact]
    public void Rendezvous_SendWaitsForAReceiver()
    {
        var log = new List<string>();

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            var (send, receive) = MemoryChannel.Open<string>(0);
            nursery.StartSoon(async () =>
            {
                await send.SendAsync("hello");
                log.Add($"sent at {Trio.CurrentTime.TotalSeconds}");
            });
            await Trio.SleepAsync(TimeSpan.FromSeconds(3));
            Assert.False(send.TrySend("no room"));
            log.Add($"got {await receive.ReceiveAsync()}");
        }));

        // The receive takes the value and wakes the sender, then passes its own schedule point: the sender runs first.
        Assert.Equal(["sent at 3", "got hello"], log);
    }

    [Fact]
    public void BoundedBuffer_FullSendWaits_AndStatisticsShowIt()
    {
        MemoryChannelStatistics stats = default;

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            var (send, receive) = MemoryChannel.Open<int>(1, "numbers");
            Assert.True(send.TrySend(1));
            nursery.StartSoon(() => send.SendAsync(2).AsTask(), "blocked sender");
            await Trio.WaitAllTasksBlockedAsync();
            stats = receive.GetStatistics();
            Assert.Equal(1, await receive.ReceiveAsync());
            Assert.Equal(2, await receive.ReceiveAsync());
        }));

        Assert.Equal(new MemoryChannelStatistics(1, 1, 1, 1, 1, 0), stats);
    }

    [Fact]
    public void CancelledReceive_LeavesTheQueue_AndTheValueGoesToTheNextReceiver()
    {
        var got = new List<string>();

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            var (send, receive) = MemoryChannel.Open<int>(0);
            nursery.StartSoon(() => Trio.MoveOnAfterAsync(TimeSpan.FromSeconds(1), async () => got.Add($"impatient {await receive.ReceiveAsync()}")), "impatient");
            nursery.StartSoon(async () => got.Add($"patient {await receive.ReceiveAsync()}"), "patient");
            await Trio.SleepAsync(TimeSpan.FromSeconds(2));
            await send.SendAsync(42);
        }));

        Assert.Equal(["patient 42"], got);
    }

    [Fact]
    public void CancelledSend_DeliversNothing()
    {
        var got = new List<int>();

        VirtualRun.Run(async () =>
        {
            var (send, receive) = MemoryChannel.Open<int>(0);
            bool sent = await Trio.MoveOnAfterAsync(TimeSpan.FromSeconds(1), () => send.SendAsync(7).AsTask());
            Assert.False(sent);
            send.Close();
            await foreach (int value in receive)
            {
                got.Add(value);
            }
        });

        Assert.Empty(got);
    }

    [Fact]
    public void Clones_TheChannelEndsOnlyWhenEverySendEndIsClosed()
    {
        var received = new List<string>();

        VirtualRun.Run(() => Nursery.RunAsync(nursery =>
        {
            var (send, receive) = MemoryChannel.Open<string>(MemoryChannel.Unbounded);
            foreach (string producer in new[] { "a", "b" })
            {
                MemorySendChannel<string> mine = send.Clone();
                nursery.StartSoon(async () =>
                {
                    using (mine)
                    {
                        await Trio.SleepAsync(TimeSpan.FromSeconds(producer == "a" ? 1 : 2));
                        await mine.SendAsync(producer);
                    }
                }, producer);
            }

            send.Close();
            nursery.StartSoon(async () =>
            {
                await foreach (string value in receive)
                {
                    received.Add(value);
                }
            }, "consumer");
            return Task.CompletedTask;
        }));

        Assert.Equal(["a", "b"], received);
    }

    [Fact]
    public void SendAfterEveryReceiverClosed_IsBrokenResource_AndParkedSendersFail()
    {
        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            var (send, receive) = MemoryChannel.Open<int>(0);
            Exception? parkedError = null;
            nursery.StartSoon(async () =>
            {
                try
                {
                    await send.SendAsync(1);
                }
                catch (BrokenResourceException e)
                {
                    parkedError = e;
                }
            });
            await Trio.WaitAllTasksBlockedAsync();
            receive.Close();
            await Trio.WaitAllTasksBlockedAsync();
            Assert.IsType<BrokenResourceException>(parkedError);
            await Assert.ThrowsAsync<BrokenResourceException>(() => send.SendAsync(2).AsTask());
        }));
    }

    [Fact]
    public void UsingAClosedEnd_IsObjectDisposed_AndClosingWakesItsOwnWaiters()
    {
        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            var (send, receive) = MemoryChannel.Open<int>(0);
            Exception? blockedError = null;
            nursery.StartSoon(async () =>
            {
                try
                {
                    await receive.ReceiveAsync();
                }
                catch (ObjectDisposedException e)
                {
                    blockedError = e;
                }
            });
            await Trio.WaitAllTasksBlockedAsync();
            receive.Close();
            await Trio.WaitAllTasksBlockedAsync();
            Assert.IsType<ObjectDisposedException>(blockedError);
            Assert.Throws<ObjectDisposedException>(() => receive.TryReceive(out _));
            send.Close();
            Assert.Throws<ObjectDisposedException>(() => send.TrySend(1));
            Assert.Throws<ObjectDisposedException>(() => send.Clone());
        }));
    }

    [Fact]
    public void ReceiveAfterEverySenderClosed_DrainsTheBufferThenEnds()
    {
        VirtualRun.Run(async () =>
        {
            var (send, receive) = MemoryChannel.Open<int>(5);
            send.TrySend(1);
            send.TrySend(2);
            send.Close();
            Assert.Equal(1, await receive.ReceiveAsync());
            Assert.True(receive.TryReceive(out int second));
            Assert.Equal(2, second);
            await Assert.ThrowsAsync<EndOfChannelException>(() => receive.ReceiveAsync().AsTask());
            Assert.Throws<EndOfChannelException>(() => receive.TryReceive(out _));
        });
    }

    [Fact]
    public void NegativeCapacity_ThrowsNamingTheAllowedValues()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => MemoryChannel.Open<int>(-1));

        Assert.Contains("MemoryChannel.Unbounded", error.Message);
    }

    [Fact]
    public void ProducerAndConsumer_OneStepOrderPerSeed_DifferentAcrossSeeds()
    {
        Assert.Single(Enumerable.Range(0, 5).Select(_ => Trace(21)).Distinct());
        string[] orders = Enumerable.Range(0, 10).Select(seed => Trace((ulong)seed)).Distinct().ToArray();
        Assert.True(orders.Length > 1, $"ten seeds gave one order: {orders[0]}");

        static string Trace(ulong seed)
        {
            var events = new List<string>();
            VirtualRun.Run(() => Nursery.RunAsync(nursery =>
            {
                var (send, receive) = MemoryChannel.Open<int>(2);
                nursery.StartSoon(async () =>
                {
                    using (send)
                    {
                        for (int i = 0; i < 8; i++)
                        {
                            await send.SendAsync(i);
                            events.Add($"s{i}");
                            await Trio.CheckpointAsync();
                        }
                    }
                });
                nursery.StartSoon(async () =>
                {
                    await foreach (int value in receive)
                    {
                        events.Add($"r{value}");
                        await Trio.CheckpointAsync();
                    }
                });
                return Task.CompletedTask;
            }), seed, new RandomStrategy());
            return string.Join(' ', events);
        }
    }

    [Fact]
    public void DisposeAsync_IsACheckpoint_ClosingEvenWhenCancelled()
    {
        var scope = new CancelScope();
        var (send, receive) = MemoryChannel.Open<int>(1);

        VirtualRun.Run(() => scope.RunAsync(async () =>
        {
            scope.Cancel();
            await send.DisposeAsync();
            Assert.Fail("DisposeAsync should have raised Cancelled");
        }));

        Assert.True(send.IsClosed);
        Assert.True(scope.CancelledCaught);
        Assert.Equal(0, receive.GetStatistics().OpenSendChannels);
    }

    [Fact]
    public void ClosingTheLastSendEnd_TracesTheWakeOfParkedReceivers()
    {
        var unparks = new List<string>();
        RunOptions options = VirtualRun.Options();
        options.Instruments.Add(new UnparkRecorder(unparks));

        Trio.Run(() => Nursery.RunAsync(async nursery =>
        {
            var (send, receive) = MemoryChannel.Open<int>(0, "jobs");
            nursery.StartSoon(async () =>
            {
                await foreach (int _ in receive)
                {
                }
            }, "reader");
            await Trio.WaitAllTasksBlockedAsync();
            send.Close();
        }), options);

        Assert.Equal(["main/reader from MemoryChannel \"jobs\""], unparks);
    }

    private sealed class UnparkRecorder(List<string> unparks) : Instrument
    {
        public override void TaskUnparked(in UnparkEventArgs args) => unparks.Add($"{args.Task.Path} from {args.Primitive}");
    }
}
