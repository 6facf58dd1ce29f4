using System.Threading.Channels;

namespace TrioTest.Core.Tests.Synchronization;

/// <summary>The BCL's own primitives keep working on the loop, with their wake-ups going through the scheduler.</summary>
public sealed class BclPrimitiveTests
{
    [Fact]
    public void SemaphoreSlim_WaitAsync_WakesThroughTheScheduler()
    {
        var log = new List<string>();

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            using var semaphore = new SemaphoreSlim(0);
            nursery.StartSoon(async () =>
            {
                await semaphore.WaitAsync();
                log.Add($"acquired on {Trio.CurrentTask.Path}");
            }, "waiter");
            await Trio.SleepAsync(TimeSpan.FromSeconds(1));
            semaphore.Release();
            log.Add("released");
            await Trio.WaitAllTasksBlockedAsync();
        }));

        Assert.Equal(["released", "acquired on main/waiter"], log);
    }

    [Fact]
    public void Channel_ProducerAndConsumer_GiveOneOrderPerSeed_AndDifferentOrdersAcrossSeeds()
    {
        string[] sameSeed = Enumerable.Range(0, 5).Select(_ => Trace(11)).Distinct().ToArray();
        string[] seeds = Enumerable.Range(0, 10).Select(seed => Trace((ulong)seed)).Distinct().ToArray();

        Assert.Single(sameSeed);
        Assert.True(seeds.Length > 1, "ten seeds gave one order");

        static string Trace(ulong seed)
        {
            var events = new List<string>();
            VirtualRun.Run(() => Nursery.RunAsync(nursery =>
            {
                Channel<int> channel = Channel.CreateBounded<int>(2);
                nursery.StartSoon(async () =>
                {
                    for (int i = 0; i < 6; i++)
                    {
                        await channel.Writer.WriteAsync(i);
                        events.Add($"sent {i}");
                    }

                    channel.Writer.Complete();
                }, "producer");
                nursery.StartSoon(async () =>
                {
                    // Not ReadAllAsync: it awaits with ConfigureAwait(false) inside the BCL, and the channel then
                    // resumes it on the thread pool (an escape). WaitToReadAsync resumes on the awaiting task.
                    while (await channel.Reader.WaitToReadAsync())
                    {
                        while (channel.Reader.TryRead(out int item))
                        {
                            events.Add($"got {item}");
                            await Trio.CheckpointAsync();
                        }
                    }
                }, "consumer");
                return Task.CompletedTask;
            }), seed, new RandomStrategy());
            Assert.Equal(12, events.Count);
            return string.Join(",", events);
        }
    }

    [Theory]
    [InlineData(TaskCreationOptions.None)]
    [InlineData(TaskCreationOptions.RunContinuationsAsynchronously)]
    public void TaskCompletionSource_WakesTheAwaiterAsAStepOfItsOwnTask(TaskCreationOptions options)
    {
        var log = new List<string>();

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            var source = new TaskCompletionSource<int>(options);
            nursery.StartSoon(async () =>
            {
                int value = await source.Task;
                log.Add($"{Trio.CurrentTask.Path} got {value} on the loop: {Trio.IsInRun}");
            }, "awaiter");
            await Trio.WaitAllTasksBlockedAsync();
            source.SetResult(7);
            log.Add("set");
        }));

        Assert.Equal(["set", "main/awaiter got 7 on the loop: True"], log);
    }
}
