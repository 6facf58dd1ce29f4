namespace TrioTest.Tour.Tests;

/// <summary>The seeds the seed-independent claims are checked with: the tour's default, small ones, and a large one.</summary>
public static class Seeds
{
    public static TheoryData<ulong> Several { get; } = [TourArguments.DefaultSeed, 0, 1, 2, 3, 4, 5, 0x9E3779B97F4A7C15, ulong.MaxValue];
}
