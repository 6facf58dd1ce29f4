using Microsoft.Extensions.Hosting;

namespace TrioTest.Rewriting.Tests.Subject;

/// <summary>A worker as services write them: a one-minute <see cref="PeriodicTimer"/> with no TimeProvider.</summary>
public sealed class TickingWorker : BackgroundService
{
    /// <summary>Gets the thread of each tick.</summary>
    public List<int> TickThreads { get; } = [];

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                TickThreads.Add(Environment.CurrentManagedThreadId);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
