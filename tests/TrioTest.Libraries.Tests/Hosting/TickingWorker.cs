using Microsoft.Extensions.Hosting;

namespace TrioTest.Libraries.Tests.Hosting;

/// <summary>
/// A worker as users write them: a <see cref="BackgroundService"/> that ticks on a one-minute <see cref="PeriodicTimer"/>
/// from an injected <see cref="TimeProvider"/>. Its loop is public as <see cref="RunAsync"/>, which is what a test drives.
/// </summary>
public sealed class TickingWorker(TimeProvider time) : BackgroundService
{
    /// <summary>Gets the thread of each tick, in order.</summary>
    public List<int> TickThreads { get; } = [];

    /// <summary>Ticks every minute until <paramref name="stoppingToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                TickThreads.Add(Environment.CurrentManagedThreadId);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <inheritdoc/>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => RunAsync(stoppingToken);
}
