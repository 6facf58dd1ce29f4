using System.Threading.Channels;
using TrioTest.Xunit;

namespace TrioTest.Libraries.Tests.Channels;

/// <summary>
/// <c>ChannelReader.ReadAllAsync</c> awaits with <c>ConfigureAwait(false)</c> and channels run continuations
/// asynchronously: a reader leaves the loop when the writer wakes it. A <c>WaitToReadAsync</c>/<c>TryRead</c> loop with
/// a channel that runs continuations synchronously stays on it (docs/libraries.md, "Channels").
/// </summary>
public sealed class ChannelTests
{
    [Fact]
    public void ReadAllAsync_LeavesTheLoopWhenTheWriterWakesIt_WithOneReportPerSeed()
    {
        (_, EscapeException failure) = LeavingTheLoop.ReportOf(async () =>
        {
            Channel<int> channel = Channel.CreateUnbounded<int>();
            await Nursery.RunAsync(async nursery =>
            {
                nursery.StartSoon(async () =>
                {
                    // The escape under test: ReadAllAsync resumes off the loop (TRIO009 says so at compile time).
#pragma warning disable TRIO009
                    await foreach (int item in channel.Reader.ReadAllAsync())
                    {
                    }
#pragma warning restore TRIO009
                }, "reader");
                await Trio.SleepAsync(TimeSpan.FromSeconds(1));
                channel.Writer.TryWrite(1);
                channel.Writer.Complete();
            });
        });

        Assert.StartsWith("a System.Threading.Channels channel ran a reader's or writer's continuation on the thread pool", failure.Escape.Diagnosis);
        Assert.Contains("WaitToReadAsync and TryRead", failure.Escape.Diagnosis);
    }

    [AsyncTest(Iterations = 20)]
    public async Task WaitToReadLoop_ConsumesEveryItemOnTheLoop()
    {
        Channel<int> channel = Channel.CreateBounded<int>(new BoundedChannelOptions(2) { AllowSynchronousContinuations = true });
        var consumed = new List<int>();

        await Nursery.RunAsync(nursery =>
        {
            nursery.StartSoon(async () =>
            {
                while (await channel.Reader.WaitToReadAsync())
                {
                    while (channel.Reader.TryRead(out int item))
                    {
                        consumed.Add(item);
                    }
                }
            }, "reader");
            nursery.StartSoon(async () =>
            {
                for (int i = 0; i < 10; i++)
                {
                    await channel.Writer.WriteAsync(i);
                    await Trio.CheckpointAsync("wrote");
                }

                channel.Writer.Complete();
            }, "writer");
            return Task.CompletedTask;
        });

        Assert.Equal(Enumerable.Range(0, 10), consumed);
        Assert.Equal(0, Trio.GetStatistics().Escapes);
    }
}
