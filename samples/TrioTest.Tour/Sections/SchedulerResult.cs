using TrioTest.Testing;
using TrioTest.Tour.Running;

namespace TrioTest.Tour.Sections;

/// <summary>The scheduler section's runs: the seed twice, and another seed.</summary>
/// <param name="Seed">The seed.</param>
/// <param name="First">The first run with it.</param>
/// <param name="Again">The second run with it.</param>
/// <param name="OtherSeed">The other seed.</param>
/// <param name="Other">The run with the other seed.</param>
internal sealed record SchedulerResult(ulong Seed, TourRunResult First, TourRunResult Again, ulong OtherSeed, TourRunResult Other) : SectionResult
{
    /// <inheritdoc/>
    public override CheckpointTrace Trace => First.Trace;

    /// <inheritdoc/>
    public override IReadOnlyList<Claim> Claims =>
    [
        new("the children take turns at every await: each passes checkpoint i before any passes checkpoint i+1", TakesTurns(First.Trace) && First.Error is null),
        new($"the same seed {new TrioTest.Seed(Seed)} repeats the trace exactly (hash {First.Trace.Hash[..12]})", First.Trace.Hash == Again.Trace.Hash),
        new($"seed {new TrioTest.Seed(OtherSeed)} interleaves them differently (hash {Other.Trace.Hash[..12]})",
            !CheckpointOrder(Other.Trace).SequenceEqual(CheckpointOrder(First.Trace)) && TakesTurns(Other.Trace) && Other.Error is null),
    ];

    /// <summary>Gets the labels of the checkpoints in the order they were passed.</summary>
    /// <param name="trace">A trace of the example.</param>
    /// <returns>The labels, such as <c>b0</c>, <c>a0</c>, <c>c0</c>, <c>a1</c>...</returns>
    public static IReadOnlyList<string> CheckpointOrder(CheckpointTrace trace) =>
        [.. trace.Where(static e => e.Kind == TraceEventKind.Checkpoint).Select(static e => e.Label ?? "?")];

    /// <summary>Gets a value indicating whether the checkpoints come in turns: each group of three holds every child's checkpoint of that round.</summary>
    /// <param name="trace">A trace of the example.</param>
    /// <returns><see langword="true"/> if the children took turns; otherwise, <see langword="false"/>.</returns>
    public static bool TakesTurns(CheckpointTrace trace)
    {
        IReadOnlyList<string> order = CheckpointOrder(trace);
        int children = SchedulerSection.Children.Count;
        return order.Count == children * SchedulerSection.CheckpointsPerChild
            && order.Chunk(children).Select((turn, round) => turn.Order(StringComparer.Ordinal).SequenceEqual(SchedulerSection.Children.Select(c => $"{c}{round}")))
                    .All(static same => same);
    }

    /// <inheritdoc/>
    public override void Print(TextWriter output)
    {
        output.WriteLine("A parent starts three children in a nursery; each awaits three labelled checkpoints.");
        output.WriteLine($"The timeline with seed {new TrioTest.Seed(Seed)} (steps omitted):");
        TimelineView.Print(output, First.Trace);
        output.WriteLine($"  {First.Times}");
        output.WriteLine("The order of the checkpoints, one turn per group:");
        output.WriteLine($"  seed {new TrioTest.Seed(Seed)}:  {Turns(First.Trace)}");
        output.WriteLine($"  seed {new TrioTest.Seed(Seed)}:  {Turns(Again.Trace)}   (again)");
        output.WriteLine($"  seed {new TrioTest.Seed(OtherSeed)}:  {Turns(Other.Trace)}");
    }

    /// <summary>Writes the checkpoint order in turns, such as <c>b0 a0 c0 | a1 c1 b1 | ...</c>.</summary>
    private static string Turns(CheckpointTrace trace) =>
        string.Join(" | ", CheckpointOrder(trace).Chunk(SchedulerSection.Children.Count).Select(static turn => string.Join(' ', turn)));
}
