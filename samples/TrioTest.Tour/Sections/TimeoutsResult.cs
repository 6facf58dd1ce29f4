using TrioTest.Testing;
using TrioTest.Tour.Running;

namespace TrioTest.Tour.Sections;

/// <summary>The timeouts section's run.</summary>
/// <param name="Run">The run.</param>
/// <param name="SleepFinished">What <see cref="Trio.MoveOnAfterAsync(TimeSpan, Func{Task}, bool)"/> returned: whether the sleep finished.</param>
internal sealed record TimeoutsResult(TourRunResult Run, bool SleepFinished) : SectionResult
{
    /// <inheritdoc/>
    public override CheckpointTrace Trace => Run.Trace;

    /// <summary>Gets the clock's jumps, as (from, to).</summary>
    public IReadOnlyList<TimeSpan> Jumps => [.. Trace.Where(static e => e.Kind == TraceEventKind.Jump).Select(static e => e.Time)];

    /// <inheritdoc/>
    public override IReadOnlyList<Claim> Claims =>
    [
        new("MoveOnAfter returned false: the sleep did not finish", !SleepFinished && Run.Error is null),
        new($"the sleep was cancelled at its deadline, {Format.Time(TimeoutsSection.Timeout)}",
            Trace.Any(static e => e.Kind == TraceEventKind.Cancel && e.Time == TimeoutsSection.Timeout)),
        new($"the run ended at exactly {Format.Time(TimeoutsSection.Timeout)} of virtual time", Run.VirtualTime == TimeoutsSection.Timeout),
        new("the clock got there in one autojump, with nothing to wait for in real time", Jumps.SequenceEqual([TimeoutsSection.Timeout])),
    ];

    /// <inheritdoc/>
    public override void Print(TextWriter output)
    {
        output.WriteLine("MoveOnAfter(10 s) around Sleep(20 s). The timeline:");
        TimelineView.Print(output, Trace);
        output.WriteLine($"  {Run.Times}: ten virtual seconds, no real waiting.");
    }
}
