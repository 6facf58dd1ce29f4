using TrioTest.Tour.Running;

namespace TrioTest.Tour.Sections;

/// <summary>"The scheduler and checkpoints": a parent starts three children; they take turns at every await, and the seed decides the order of each turn.</summary>
internal static class SchedulerSection
{
    /// <summary>The section's name for <c>--section</c>.</summary>
    public const string Name = "scheduler";

    /// <summary>The names of the children.</summary>
    public static readonly IReadOnlyList<string> Children = ["a", "b", "c"];

    /// <summary>How many checkpoints each child passes.</summary>
    public const int CheckpointsPerChild = 3;

    /// <summary>How many seeds after the given one to try for a different interleaving.</summary>
    private const int SeedsToTry = 16;

    /// <summary>The example: three children in a nursery, each passing labelled checkpoints <c>a0</c>, <c>a1</c>, ...</summary>
    public static Task ChildrenAsync() => Nursery.RunAsync(nursery =>
    {
        foreach (string name in Children)
        {
            nursery.StartSoon(async () =>
            {
                for (int i = 0; i < CheckpointsPerChild; i++)
                {
                    await Trio.CheckpointAsync($"{name}{i}");
                }
            }, name);
        }

        return Task.CompletedTask;
    });

    /// <summary>Runs the example with <paramref name="seed"/> twice, then with the next seeds until one passes the checkpoints in another order.</summary>
    /// <param name="seed">The seed.</param>
    /// <returns>The three runs.</returns>
    public static SchedulerResult Run(ulong seed)
    {
        TourRunResult first = TourRun.Virtual(ChildrenAsync, seed);
        TourRunResult again = TourRun.Virtual(ChildrenAsync, seed);

        // The next seed almost always orders some turn differently; looking a little further keeps the claim true for any --seed.
        ulong otherSeed = seed;
        TourRunResult other;
        int tried = 0;
        do
        {
            otherSeed = unchecked(otherSeed + 1);
            other = TourRun.Virtual(ChildrenAsync, otherSeed);
        }
        while (SchedulerResult.CheckpointOrder(other.Trace).SequenceEqual(SchedulerResult.CheckpointOrder(first.Trace)) && ++tried < SeedsToTry);

        return new SchedulerResult(seed, first, again, otherSeed, other);
    }
}
