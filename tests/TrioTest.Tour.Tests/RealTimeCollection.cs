namespace TrioTest.Tour.Tests;

/// <summary>
/// Tests that measure real time (the real HTTP half, the whole tour): they run alone, never beside another test of this
/// assembly, so the speedup they measure is not shared with a neighbour's CPU work.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealTimeCollection
{
    public const string Name = "real time";
}
