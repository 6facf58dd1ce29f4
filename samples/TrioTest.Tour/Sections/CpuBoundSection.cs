using System.Diagnostics;

namespace TrioTest.Tour.Sections;

/// <summary>"CPU-bound work": without checkpoints a task never yields, so two children run one after the other.</summary>
internal static class CpuBoundSection
{
    public const string Name = "cpu";

    public static long Sum(long count)
    {
        long sum = 0;
        for (long i = 0; i < count; i++)
        {
            sum += i;
        }

        return sum;
    }

    public static Task TwoChildrenAsync(long count) => Nursery.RunAsync(nursery =>
    {
        foreach (string name in new[] { "first", "second" })
        {
            nursery.StartSoon(() =>
            {
                Sum(count);
                return Task.CompletedTask;
            }, name);
        }

        return Task.CompletedTask;
    });

    public static bool Run(TextWriter output, ulong seed, long count = 100_000_000)
    {
        output.WriteLine($"Two children each sum 0..{count:N0} with no checkpoint inside.");
        TourRun.Result result = TourRun.Virtual(() => TwoChildrenAsync(count), seed);
        result.Timeline.Print(output);
        var sync = Stopwatch.StartNew();
        Sum(count);
        Sum(count);
        sync.Stop();
        output.WriteLine($"  In the nursery: {result.RealTime.TotalMilliseconds:F0} ms; the same work done synchronously: {sync.Elapsed.TotalMilliseconds:F0} ms.");
        output.WriteLine("  The trace shows each child run to its exit before the other starts: concurrency is not parallelism.");
        return result.Error is null;
    }
}
