using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TrioTest.Xunit;

namespace TrioTest.Libraries.Tests.Hosting;

/// <summary>
/// Microsoft.Extensions.Hosting starts a <see cref="BackgroundService"/> with <c>Task.Run</c>: a real host leaves the
/// loop at <c>StartAsync</c>, and the report says so on every run. Driven directly, the same worker ticks in virtual
/// time on the loop (docs/libraries.md, "Hosting").
/// </summary>
public sealed class HostingTests
{
    [Fact]
    public void BackgroundServiceInARealHost_LeavesTheLoopAtStartAsync_WithOneReportPerSeed()
    {
        (_, EscapeException failure) = LeavingTheLoop.ReportOf(async () =>
        {
            HostApplicationBuilder builder = Host.CreateApplicationBuilder(Settings());
            builder.Services.AddSingleton(Trio.TimeProvider);
            builder.Services.AddHostedService<TickingWorker>();
            using IHost host = builder.Build();
            await host.StartAsync();
            await Trio.SleepAsync(TimeSpan.FromHours(1));
            await host.StopAsync();
        });

        Assert.StartsWith("BackgroundService.StartAsync starts ExecuteAsync with Task.Run", failure.Escape.Diagnosis);
        Assert.Contains("at Microsoft.Extensions.Hosting.BackgroundService.StartAsync", failure.Escape.StackTrace);
    }

    [Fact]
    public void HostStopAsync_LeavesTheLoopWhenAHostedServiceStopsAfterAnAwait_WithOneReportPerSeed()
    {
        (_, EscapeException failure) = LeavingTheLoop.ReportOf(async () =>
        {
            HostApplicationBuilder builder = Host.CreateApplicationBuilder(Settings());
            builder.Services.AddHostedService<DrainingService>();
            using IHost host = builder.Build();
            await host.StartAsync();
            await host.StopAsync();
        });

        Assert.StartsWith("when TrioTest.Libraries.Tests.Hosting.HostingTests.DrainingService.StopAsync completed a task on the loop (an async method's own, or a TaskCompletionSource's), the code that awaited it was sent to the thread pool", failure.Escape.Diagnosis);
        Assert.Contains("IHost.StopAsync, stop the hosted services directly", failure.Escape.Diagnosis);
    }

    [AsyncTest]
    public async Task HostedServiceDrivenDirectly_StartsAndStopsOnTheLoop()
    {
        var service = new DrainingService();

        await service.StartAsync(Trio.CancellationToken);
        await service.StopAsync(Trio.CancellationToken);

        Assert.Equal(TimeSpan.FromSeconds(2), Trio.CurrentTime);
        Assert.Equal(0, Trio.GetStatistics().Escapes);
    }

    [AsyncTest]
    public async Task WorkerDrivenDirectly_TicksSixtyTimesAnHour_OnTheLoop()
    {
        var worker = new TickingWorker(Trio.TimeProvider);
        int loopThread = Environment.CurrentManagedThreadId;

        await Trio.MoveOnAfterAsync(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(30), () => worker.RunAsync(Trio.CancellationToken));

        Assert.Equal(60, worker.TickThreads.Count);
        Assert.All(worker.TickThreads, thread => Assert.Equal(loopThread, thread));
        Assert.Equal(0, Trio.GetStatistics().Escapes);
    }

    /// <summary>A real host's settings, without the configuration file watchers (a hundred runs would exhaust inotify).</summary>
    private static HostApplicationBuilderSettings Settings() => new() { Args = ["--hostBuilder:reloadConfigOnChange=false"] };

    /// <summary>A hosted service that drains for two seconds when it stops, as services that flush a queue do.</summary>
    private sealed class DrainingService : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task StopAsync(CancellationToken cancellationToken) => await Trio.SleepAsync(TimeSpan.FromSeconds(2));
    }
}
