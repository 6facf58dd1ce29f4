using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using TrioTest.Rewriting.Tests.Subject;
using TrioTest.Xunit;

namespace TrioTest.Rewriting.Tests;

/// <summary>Polly.Core and Microsoft.Extensions.Hosting from the registry, rewritten, unchanged otherwise, on the loop.</summary>
public sealed class LibrariesTests
{
    [AsyncTest]
    public async Task Polly_RetryAndTimeoutWithTheDefaultContext_EndAtTheirExactVirtualTimes()
    {
        ResiliencePipeline pipeline = new ResiliencePipelineBuilder { TimeProvider = Trio.TimeProvider }
            .AddRetry(new RetryStrategyOptions { MaxRetryAttempts = 2, Delay = TimeSpan.FromSeconds(1), BackoffType = DelayBackoffType.Constant })
            .AddTimeout(TimeSpan.FromSeconds(5))
            .Build();
        var attemptsAt = new List<TimeSpan>();

        await pipeline.ExecuteAsync(async token =>
        {
            attemptsAt.Add(Trio.CurrentTime);
            if (attemptsAt.Count < 3)
            {
                await Task.Delay(TimeSpan.FromSeconds(10), Trio.TimeProvider, token);
            }
        });

        // The first two attempts time out at 5 s, each followed by a 1 s delay: attempts at 0, 6 and 12 s.
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(12)], attemptsAt);
        Assert.Equal(TimeSpan.FromSeconds(12), Trio.CurrentTime);
        Assert.Equal(0, Trio.GetStatistics().Escapes);
    }

    [AsyncTest]
    public async Task Polly_TimeoutRejectsAHangingCallAtExactlyItsTimeout()
    {
        ResiliencePipeline pipeline = new ResiliencePipelineBuilder { TimeProvider = Trio.TimeProvider }.AddTimeout(TimeSpan.FromSeconds(5)).Build();

        await Assert.ThrowsAsync<TimeoutRejectedException>(async () =>
            await pipeline.ExecuteAsync(async token => await Task.Delay(Timeout.InfiniteTimeSpan, Trio.TimeProvider, token)));

        Assert.Equal(TimeSpan.FromSeconds(5), Trio.CurrentTime);
    }

    [AsyncTest]
    public async Task Hosting_BackgroundServiceInARealHost_TicksSixtyTimesAnHour_OnTheLoop()
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = ["--hostBuilder:reloadConfigOnChange=false"] });
        builder.Services.AddSingleton<TickingWorker>();
        builder.Services.AddHostedService(services => services.GetRequiredService<TickingWorker>());
        using IHost host = builder.Build();
        int loopThread = Environment.CurrentManagedThreadId;

        await host.StartAsync();
        await Trio.SleepAsync(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(30));
        await host.StopAsync();

        TickingWorker worker = host.Services.GetRequiredService<TickingWorker>();
        Assert.Equal(60, worker.TickThreads.Count);
        Assert.All(worker.TickThreads, thread => Assert.Equal(loopThread, thread));
    }
}
