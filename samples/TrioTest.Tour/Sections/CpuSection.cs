using System.Diagnostics;
using System.Runtime.CompilerServices;
using TrioTest.Tour.Running;

namespace TrioTest.Tour.Sections;

/// <summary>"CPU-bound work": without a checkpoint a task never yields, so two children run one after the other, no faster than the same work done synchronously.</summary>
internal static class CpuSection
{
    /// <summary>The section's name for <c>--section</c>.</summary>
    public const string Name = "cpu";

    /// <summary>How many numbers each child sums in the tour: 10^8, about a tenth of a second.</summary>
    public const long DefaultCount = 100_000_000;

    /// <summary>The names of the children.</summary>
    public static readonly IReadOnlyList<string> Children = ["first", "second"];

    /// <summary>Sums 0 to <paramref name="count"/> - 1 with no checkpoint: pure CPU work.</summary>
    /// <remarks>Optimized at once, so the nursery's run (first) and the synchronous one (later) execute the same machine code.</remarks>
    /// <param name="count">How many numbers.</param>
    /// <returns>The sum.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long Sum(long count)
    {
        long sum = 0;
        for (long i = 0; i < count; i++)
        {
            sum += i;
        }

        return sum;
    }

    /// <summary>The example: two children in a nursery, each summing; notes (which do not yield) mark where each starts and ends.</summary>
    /// <param name="count">How many numbers each child sums.</param>
    /// <param name="sums">Receives each child's sum.</param>
    public static Task TwoChildrenAsync(long count, long[] sums) => Nursery.RunAsync(nursery =>
    {
        for (int i = 0; i < Children.Count; i++)
        {
            int child = i;
            nursery.StartSoon(() =>
            {
                Trio.Note("summing");
                sums[child] = Sum(count);
                Trio.Note("done");
                return Task.CompletedTask;
            }, Children[child]);
        }

        return Task.CompletedTask;
    });

    /// <summary>Runs the two children in a nursery, then the same work synchronously, timing both.</summary>
    /// <param name="seed">The seed.</param>
    /// <param name="count">How many numbers each child sums; the tests pass a small one.</param>
    /// <returns>The runs and their times.</returns>
    public static CpuResult Run(ulong seed, long count = DefaultCount)
    {
        long[] sums = new long[Children.Count];
        TourRunResult nursery = TourRun.Virtual(() => TwoChildrenAsync(count, sums), seed);

        long started = Stopwatch.GetTimestamp();
        long synchronous = 0;
        foreach (string unused in Children)
        {
            synchronous += Sum(count);
        }

        TimeSpan synchronousTime = Stopwatch.GetElapsedTime(started);
        return new CpuResult(count, nursery, sums, synchronous, synchronousTime);
    }
}
