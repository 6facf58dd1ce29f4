using TrioTest.Testing;
using TrioTest.Tour.Running;

namespace TrioTest.Tour.Sections;

/// <summary>The errors section's runs: one failure among working siblings, and two failures at once.</summary>
/// <param name="One">The run with one failure.</param>
/// <param name="Two">The run with two failures.</param>
internal sealed record ErrorsResult(TourRunResult One, TourRunResult Two) : SectionResult
{
    /// <inheritdoc/>
    public override CheckpointTrace Trace => One.Trace;

    /// <inheritdoc/>
    public override IReadOnlyList<Claim> Claims =>
    [
        new($"the error reaches the parent as itself: InvalidOperationException \"{ErrorsSection.FailureMessage}\"",
            One.Error is InvalidOperationException { Message: ErrorsSection.FailureMessage }),
        new($"the sleeper, blocked in its {ErrorsSection.SleeperTime.TotalSeconds:F0} s sleep, is cancelled in it at {Format.Time(ErrorsSection.FailureTime)}", SleeperCancelledAtFailure()),
        new("the worker, busy when the failure came, is cancelled at a checkpoint: at \"round 0 done\", never starting round 1", WorkerCancelledAtItsCheckpoint()),
        new($"the run ends at {Format.Time(ErrorsSection.FailureTime)} of virtual time, when the failure happened", One.VirtualTime == ErrorsSection.FailureTime),
        new("two failures at one instant reach the parent together, as a NurseryException holding both",
            Two.Error is NurseryException { InnerExceptions.Count: 2 } both && both.InnerExceptions.Select(e => e.Message).Order(StringComparer.Ordinal).SequenceEqual(["x failed", "y failed"])),
    ];

    /// <summary>Gets the index of the event where the failure happened: the failing child's note.</summary>
    public int FailureIndex => IndexOf(e => e.TaskName == "failing" && e.Kind == TraceEventKind.Note);

    /// <summary>Gets the index of the worker's checkpoint <c>round 0 done</c>, or -1.</summary>
    public int WorkerCheckpointIndex => IndexOf(static e => e.TaskName == "worker" && e.Kind == TraceEventKind.Checkpoint);

    /// <summary>Gets what the worker did from its wake-up on: its notes, checkpoints, cancellation and exit (steps left out).</summary>
    public IReadOnlyList<TraceEvent> WorkerAfterNap =>
        [.. Trace.OfTask("worker").Where(static e => e.Time == ErrorsSection.FailureTime && e.Kind is not (TraceEventKind.Step or TraceEventKind.Wake))];

    /// <inheritdoc/>
    public override void Print(TextWriter output)
    {
        output.WriteLine("Three children: 'failing' throws after 1 s, when 'sleeper' is in the middle of a 10 s sleep and 'worker'");
        output.WriteLine("wakes up to work in rounds, a checkpoint per round. The timeline:");
        TimelineView.Print(output, One.Trace);
        output.WriteLine($"  {One.Times}");
        output.WriteLine($"  The parent got: {Describe(One.Error)}");
        output.WriteLine(WorkerCheckpointIndex >= 0 && WorkerCheckpointIndex < FailureIndex
            ? "  At 1 s this seed ran the worker first: it was waiting at its checkpoint \"round 0 done\" when the failure came,\n  and got Cancelled as it resumed there."
            : "  At 1 s this seed ran the failing child first: the worker ran on to its next checkpoint, \"round 0 done\",\n  and got Cancelled there.");
        output.WriteLine("  Either way it never started round 1: a running task notices cancellation only at a checkpoint.");
        output.WriteLine("Two children fail at the same virtual instant:");
        output.WriteLine($"  {Two.Times}");
        output.WriteLine($"  The parent got: {Describe(Two.Error)}");
    }

    /// <summary>Describes an error in one line, a nursery's with its inner errors.</summary>
    private static string Describe(Exception? error) => error switch
    {
        null => "nothing",
        NurseryException nursery => $"NurseryException with [{string.Join(", ", nursery.InnerExceptions.Select(static e => $"{e.GetType().Name}: {e.Message}"))}]",
        _ => $"{error.GetType().Name}: {error.Message}",
    };

    /// <summary>Checks that the sleeper got its cancellation, and exited, at the instant of the failure, and never woke up.</summary>
    private bool SleeperCancelledAtFailure()
    {
        IReadOnlyList<TraceEvent> sleeper = Trace.OfTask("sleeper");
        return sleeper.Any(static e => e.Kind == TraceEventKind.Cancel && e.Time == ErrorsSection.FailureTime)
            && sleeper.Any(static e => e.Kind == TraceEventKind.Exit && e.Time == ErrorsSection.FailureTime)
            && !sleeper.Any(static e => e.Kind == TraceEventKind.Note);
    }

    /// <summary>Checks that the worker's whole life after its nap was round 0, its checkpoint, the cancellation and the exit.</summary>
    private bool WorkerCancelledAtItsCheckpoint()
    {
        IReadOnlyList<TraceEvent> after = WorkerAfterNap;
        return after.Select(static e => e.Kind).SequenceEqual([TraceEventKind.Note, TraceEventKind.Checkpoint, TraceEventKind.Cancel, TraceEventKind.Exit])
            && after[0].Label == "round 0" && after[1].Label == "round 0 done";
    }

    /// <summary>Finds the first event that matches, or -1.</summary>
    private int IndexOf(Func<TraceEvent, bool> match)
    {
        for (int i = 0; i < Trace.Count; i++)
        {
            if (match(Trace[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
