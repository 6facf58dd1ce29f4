using System.Threading.Channels;

namespace TrioTest.Rewriting.Tests.Subject;

/// <summary>Code that knows nothing of TrioTest: real delays, the thread pool, ambient clocks, ConfigureAwait(false).</summary>
public static class LegacyCode
{
    /// <summary>Waits an hour with a plain <see cref="Task.Delay(TimeSpan)"/>.</summary>
    public static async Task WaitAnHourAsync() => await Task.Delay(TimeSpan.FromHours(1)).ConfigureAwait(false);

    /// <summary>Reads the machine's clock.</summary>
    public static DateTime UtcNow() => DateTime.UtcNow;

    /// <summary>Measures a delay with a stopwatch timestamp.</summary>
    public static async Task<TimeSpan> MeasureDelayAsync(TimeSpan delay)
    {
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        await Task.Delay(delay).ConfigureAwait(false);
        return TimeSpan.FromTicks((System.Diagnostics.Stopwatch.GetTimestamp() - start) * TimeSpan.TicksPerSecond / System.Diagnostics.Stopwatch.Frequency);
    }

    /// <summary>Cancels a token's work with <see cref="CancellationTokenSource.CancelAsync"/> after a delay, and says when the work saw it.</summary>
    public static async Task<DateTime> CancelLaterAsync(TimeSpan after)
    {
        using var source = new CancellationTokenSource();
        DateTime seen = default;
        Task work = WaitForCancellationAsync();
        await Task.Delay(after).ConfigureAwait(false);
        await source.CancelAsync().ConfigureAwait(false);
        await work.ConfigureAwait(false);
        return seen;

        async Task WaitForCancellationAsync()
        {
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, source.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                seen = DateTime.UtcNow;
            }
        }
    }

    /// <summary>Consumes a channel with <see cref="ChannelReader{T}.ReadAllAsync"/>.</summary>
    public static async Task<List<int>> ConsumeAllAsync(ChannelReader<int> reader)
    {
        var items = new List<int>();
        await foreach (int item in reader.ReadAllAsync().ConfigureAwait(false))
        {
            items.Add(item);
        }

        return items;
    }

    /// <summary>Draws numbers from <see cref="Random.Shared"/>.</summary>
    public static int[] Draw(int count) => Enumerable.Range(0, count).Select(_ => Random.Shared.Next(1000)).ToArray();
}
