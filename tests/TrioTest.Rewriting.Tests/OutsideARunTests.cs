using System.Threading.Channels;
using TrioTest.Rewriting.Tests.Subject;

namespace TrioTest.Rewriting.Tests;

/// <summary>Rewritten code outside a run behaves as the original: the machine's clock, real delays, the thread pool.</summary>
public sealed class OutsideARunTests
{
    [Fact]
    public void AmbientClock_IsTheMachines()
    {
        DateTime now = LegacyCode.UtcNow();

        Assert.InRange(now, DateTime.UtcNow - TimeSpan.FromMinutes(1), DateTime.UtcNow + TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Delay_TakesRealTime()
    {
        TimeSpan measured = await LegacyCode.MeasureDelayAsync(TimeSpan.FromMilliseconds(20));

        Assert.True(measured >= TimeSpan.FromMilliseconds(15), $"measured {measured}");
    }

    [Fact]
    public async Task TaskRun_RunsOnTheThreadPool()
    {
        var counter = new Counter();

        await counter.IncrementTwiceAsync();

        Assert.InRange(counter.Value, 1, 2);
    }

    [Fact]
    public async Task ReadAllAsync_IsTheChannelsOwn()
    {
        Channel<int> channel = Channel.CreateUnbounded<int>();
        channel.Writer.TryWrite(1);
        channel.Writer.TryWrite(2);
        channel.Writer.Complete();

        Assert.Equal([1, 2], await LegacyCode.ConsumeAllAsync(channel.Reader));
    }
}
