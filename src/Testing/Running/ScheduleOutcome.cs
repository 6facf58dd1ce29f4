namespace TrioTest.Testing;

/// <summary>What one schedule of a test did: its seed, the failure if any, and what the report prints about it.</summary>
/// <param name="Seed">The schedule's seed.</param>
/// <param name="Source">Where the seed came from.</param>
/// <param name="Schedule">The schedule's number, from 1.</param>
/// <param name="Failure">The failure, or <see langword="null"/>.</param>
/// <param name="Trace">The trace (empty when not recorded).</param>
/// <param name="Steps">Steps run.</param>
/// <param name="VirtualTime">Virtual time reached.</param>
/// <param name="TaskCount">Tasks started, main included.</param>
internal readonly record struct ScheduleOutcome(
    Seed Seed, SeedSource Source, int Schedule, Exception? Failure, CheckpointTrace Trace, long Steps, TimeSpan VirtualTime, int TaskCount)
{
    /// <summary>Gets the pasted schedule this outcome followed, or <see langword="null"/> when a seed's strategy ordered it.</summary>
    public DirectedSchedule? Directed { get; init; }
}
