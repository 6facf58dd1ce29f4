using TrioTest.Testing;
using TrioTest.Tour.Running;

namespace TrioTest.Tour.Sections;

/// <summary>The CPU-bound section's runs: two summing children in a nursery, and the same sums done synchronously.</summary>
/// <param name="Count">How many numbers each child summed.</param>
/// <param name="Nursery">The nursery's run.</param>
/// <param name="Sums">Each child's sum.</param>
/// <param name="SynchronousTotal">The total of the synchronous sums.</param>
/// <param name="SynchronousTime">The real time of the synchronous sums.</param>
internal sealed record CpuResult(long Count, TourRunResult Nursery, IReadOnlyList<long> Sums, long SynchronousTotal, TimeSpan SynchronousTime) : SectionResult
{
    /// <inheritdoc/>
    public override CheckpointTrace Trace => Nursery.Trace;

    /// <summary>Gets the sum of 0 to <see cref="Count"/> - 1.</summary>
    public long ExpectedSum => Count * (Count - 1) / 2;

    /// <inheritdoc/>
    public override IReadOnlyList<Claim> Claims =>
    [
        new("each child ran in a single step: with no checkpoint inside, nothing could switch to the other", CpuSection.Children.All(c => StepsOf(c) == 1)),
        new("the children did not interleave: one ran from start to exit, then the other", RanOneAfterTheOther()),
        new("the work took no virtual time: the virtual clock moves only when every task waits", Nursery.VirtualTime == TimeSpan.Zero && Nursery.Error is null),
        new($"both ways computed the same sums ({ExpectedSum:N0} each)", Sums.All(s => s == ExpectedSum) && SynchronousTotal == ExpectedSum * CpuSection.Children.Count),
    ];

    /// <summary>Gets the child whose step ran first, or <see langword="null"/> if neither ran.</summary>
    public string? FirstChild =>
        Trace.Where(static e => e.Kind == TraceEventKind.Step && CpuSection.Children.Contains(e.TaskName)).Select(static string? (e) => e.TaskName).FirstOrDefault();

    /// <inheritdoc/>
    public override void Print(TextWriter output)
    {
        output.WriteLine($"Two children each sum 0..{Count - 1:N0}, with no checkpoint inside.");
        output.WriteLine("The timeline (steps shown: a step is a stretch a task runs without yielding):");
        TimelineView.Print(output, Trace, static _ => true);
        output.WriteLine($"  In the nursery:      {Format.Milliseconds(Nursery.RealTime)} real, {Format.Time(Nursery.VirtualTime)} virtual.");
        output.WriteLine($"  Done synchronously:  {Format.Milliseconds(SynchronousTime)} real.");
        output.WriteLine("  About the same: concurrency is not parallelism; CPU-bound work belongs on a thread (Trio.ToThreadAsync).");
    }

    /// <summary>Counts the steps of one child.</summary>
    private int StepsOf(string child) => Trace.OfTask(child).Count(static e => e.Kind == TraceEventKind.Step);

    /// <summary>Checks that every event of the first child comes before the first step of the second.</summary>
    private bool RanOneAfterTheOther()
    {
        if (FirstChild is not { } first)
        {
            return false;
        }

        string second = CpuSection.Children.Single(c => c != first);
        int lastOfFirst = -1;
        int firstStepOfSecond = -1;
        for (int i = 0; i < Trace.Count; i++)
        {
            if (Trace[i].TaskName == first)
            {
                lastOfFirst = i;
            }
            else if (Trace[i].TaskName == second && Trace[i].Kind == TraceEventKind.Step && firstStepOfSecond < 0)
            {
                firstStepOfSecond = i;
            }
        }

        return Trace[lastOfFirst].Kind == TraceEventKind.Exit && lastOfFirst < firstStepOfSecond;
    }
}
