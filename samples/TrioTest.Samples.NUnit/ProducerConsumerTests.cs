using System.Threading.Channels;
using NUnit.Framework;
using TrioTest.NUnit;
using TrioTest.Testing;

namespace TrioTest.Samples.NUnit;

/// <summary>A producer and consumers over System.Threading.Channels, explored across schedules, with the order checked on the trace.</summary>
public sealed class ProducerConsumerTests
{
    [AsyncTest(Iterations = 50)]
    public async Task Every_item_is_consumed_exactly_once()
    {
        var channel = Channel.CreateBounded<int>(2);
        var consumed = new List<int>();

        await Nursery.RunAsync(nursery =>
        {
            nursery.StartSoon(async () =>
            {
                for (int i = 0; i < 10; i++)
                {
                    await channel.Writer.WriteAsync(i);
                }

                channel.Writer.Complete();
            }, "producer");
            for (int c = 0; c < 2; c++)
            {
                nursery.StartSoon(async () =>
                {
                    // WaitToReadAsync/TryRead, not ReadAllAsync: the latter resumes on the thread pool (an escape).
                    while (await channel.Reader.WaitToReadAsync())
                    {
                        while (channel.Reader.TryRead(out int item))
                        {
                            consumed.Add(item);
                            await Trio.CheckpointAsync("consumed");
                        }
                    }
                }, $"consumer{c}");
            }

            return Task.CompletedTask;
        });

        Assert.That(consumed.Order(), Is.EqualTo(Enumerable.Range(0, 10)));
        TestContext.Out.WriteLine($"consumed in order {string.Join(",", consumed)} under seed {TrioTestContext.Current.Seed}");
    }

    [AsyncTest]
    public async Task The_first_item_is_produced_before_anything_is_consumed()
    {
        var channel = Channel.CreateUnbounded<string>();

        await Nursery.RunAsync(nursery =>
        {
            nursery.StartSoon(async () =>
            {
                await channel.Reader.WaitToReadAsync();
                channel.Reader.TryRead(out _);
                await Trio.CheckpointAsync("consumed");
            }, "consumer");
            nursery.StartSoon(async () =>
            {
                await Trio.SleepAsync(TimeSpan.FromSeconds(1));
                await Trio.CheckpointAsync("produced");
                await channel.Writer.WriteAsync("order #1");
            }, "producer");
            return Task.CompletedTask;
        });

        TrioTestContext.Current.Trace.AssertBefore("producer:produced", "consumer:consumed");
    }
}
