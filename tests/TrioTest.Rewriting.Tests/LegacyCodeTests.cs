using System.Threading.Channels;
using TrioTest.Rewriting.Tests.Subject;
using TrioTest.Testing;
using TrioTest.Xunit;

namespace TrioTest.Rewriting.Tests;

/// <summary>Legacy code, rewritten: real delays, clocks, CancelAsync, ReadAllAsync and Task.Run on the loop in virtual time.</summary>
public sealed class LegacyCodeTests
{
    [AsyncTest]
    public async Task TaskDelayWithoutAProvider_RunsInVirtualTime()
    {
        await LegacyCode.WaitAnHourAsync();

        Assert.Equal(TimeSpan.FromHours(1), Trio.CurrentTime);
        Assert.Equal(0, Trio.GetStatistics().Escapes);
    }

    [AsyncTest]
    public async Task AmbientClocks_ReadTheRunsClock()
    {
        DateTime before = LegacyCode.UtcNow();
        TimeSpan measured = await LegacyCode.MeasureDelayAsync(TimeSpan.FromMinutes(5));

        Assert.Equal(Trio.TimeProvider.GetUtcNow().UtcDateTime - TimeSpan.FromMinutes(5), before);
        Assert.Equal(TimeSpan.FromMinutes(5), measured);
    }

    [AsyncTest]
    public async Task CancelAsync_CancelsAtTheCurrentVirtualTime()
    {
        DateTime epoch = Trio.TimeProvider.GetUtcNow().UtcDateTime;

        DateTime seen = await LegacyCode.CancelLaterAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(epoch + TimeSpan.FromSeconds(30), seen);
        Assert.Equal(0, Trio.GetStatistics().Escapes);
    }

    [AsyncTest(Iterations = 10)]
    public async Task ReadAllAsync_ConsumesEveryItemOnTheLoop()
    {
        Channel<int> channel = Channel.CreateUnbounded<int>();
        List<int> consumed = [];

        await Nursery.RunAsync(async nursery =>
        {
            nursery.StartSoon(async () => consumed = await LegacyCode.ConsumeAllAsync(channel.Reader), "consumer");
            for (int i = 0; i < 5; i++)
            {
                await Trio.SleepAsync(TimeSpan.FromSeconds(1));
                channel.Writer.TryWrite(i);
            }

            channel.Writer.Complete();
        });

        Assert.Equal([0, 1, 2, 3, 4], consumed);
        Assert.Equal(0, Trio.GetStatistics().Escapes);
    }

    [Fact]
    public void LostUpdateBetweenTwoTaskRunBodies_IsFound_AndItsSeedReplaysTheSameTrace()
    {
        static async Task BodyAsync()
        {
            var counter = new Counter();
            await counter.IncrementTwiceAsync();
            Assert.Equal(2, counter.Value);
        }

        TrioTestResult found = TrioTestRunner.Run(BodyAsync, new TrioTestOptions { Iterations = 200, BaseSeed = 7, GetEnvironmentVariable = _ => null });
        TrioTestResult replayed = TrioTestRunner.Run(BodyAsync, new TrioTestOptions { Seed = found.Seed, GetEnvironmentVariable = _ => null });

        Assert.False(found.Passed);
        Assert.IsType<global::Xunit.Sdk.EqualException>(found.Failure);
        Assert.Equal(found.Trace.ToCanonicalText(), replayed.Trace.ToCanonicalText());
        Assert.Contains("IncrementAsync", found.Trace.ToCanonicalText());
    }

    [Fact]
    public void RandomShared_DrawsTheSameNumbersForTheSameSeed()
    {
        static int[] DrawWith(ulong seed)
        {
            int[] drawn = [];
            TrioTestRunner.Run(() =>
            {
                drawn = LegacyCode.Draw(5);
                return Task.CompletedTask;
            }, new TrioTestOptions { Seed = seed, GetEnvironmentVariable = _ => null }).ThrowIfFailed();
            return drawn;
        }

        Assert.Equal(DrawWith(1), DrawWith(1));
        Assert.NotEqual(DrawWith(1), DrawWith(2));
    }
}
