namespace TrioTest.Testing;

/// <summary>
/// The result of shrinking a failing schedule: a schedule with as few deviations from FIFO order as the shrinker found
/// that still fails with the same exception type and the same first line of its message, and the value that replays it.
/// </summary>
/// <remarks>
/// Shrinking is delta debugging (ddmin, Zeller and Hildebrandt 2002) over the failing schedule's decisions: the run is
/// replayed with a strategy that writes down every step where it departed from FIFO order, then subsets of those
/// deviations are replayed until none can be dropped (1-minimal) or a budget runs out
/// (<see cref="TrioTestOptions.ShrinkMaxSchedules"/>, <see cref="TrioTestOptions.ShrinkTimeout"/>).
/// </remarks>
public sealed class ShrunkSchedule
{
    internal ShrunkSchedule(string schedule, IReadOnlyList<ScheduleDeviation> deviations, int originalDeviations, int schedulesRun, TimeSpan elapsed, string? stoppedBy, Exception failure, CheckpointTrace trace)
    {
        Schedule = schedule;
        Deviations = deviations;
        OriginalDeviations = originalDeviations;
        SchedulesRun = schedulesRun;
        Elapsed = elapsed;
        StoppedBy = stoppedBy;
        Failure = failure;
        Trace = trace;
    }

    /// <summary>
    /// Gets the value that replays the shrunk schedule, such as <c>fifo+13:1,30:1@0x9E3779B97F4A7C15</c>: paste it as an
    /// attribute's <c>Seed</c>, <see cref="TrioTestOptions.Schedule"/> or <c>TRIOTEST_SEED</c>.
    /// </summary>
    public string Schedule { get; }

    /// <summary>Gets the shrunk schedule's deviations from FIFO order, by step, with the tasks picked and passed over.</summary>
    public IReadOnlyList<ScheduleDeviation> Deviations { get; }

    /// <summary>Gets how many deviations from FIFO order the failing schedule had before shrinking.</summary>
    public int OriginalDeviations { get; }

    /// <summary>Gets how many schedules shrinking ran, the replay that recorded the failing schedule's decisions included.</summary>
    public int SchedulesRun { get; }

    /// <summary>Gets the real time shrinking took. Not in the report, which stays the same on every run of a seed.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Gets a value indicating whether shrinking finished: no single deviation can be dropped. <see langword="false"/> when a budget stopped it first.</summary>
    public bool IsMinimal => StoppedBy is null;

    /// <summary>Gets the budget that stopped shrinking early, such as <c>ShrinkMaxSchedules (500)</c>; <see langword="null"/> when it finished.</summary>
    public string? StoppedBy { get; }

    /// <summary>Gets the failure of the shrunk schedule: the same type and first line of message as the original one.</summary>
    public Exception Failure { get; }

    /// <summary>Gets the trace of the shrunk schedule; empty when traces are not recorded.</summary>
    public CheckpointTrace Trace { get; }
}
