namespace TrioTest.Tour.Sections;

/// <summary>"The scheduler and checkpoints": a parent starts three children; they interleave at every await, and the seed decides how.</summary>
internal static class SchedulerSection
{
    public const string Name = "scheduler";

    public static async Task ChildrenAsync()
    {
        await Nursery.RunAsync(nursery =>
        {
            foreach (string name in new[] { "a", "b", "c" })
            {
                nursery.StartSoon(async () =>
                {
                    for (int i = 0; i < 3; i++)
                    {
                        await Trio.CheckpointAsync($"{name}{i}");
                    }
                }, name);
            }

            return Task.CompletedTask;
        });
    }

    public static bool Run(TextWriter output, ulong seed)
    {
        output.WriteLine("A parent starts three children in a nursery; each passes three checkpoints.");
        TourRun.Result first = TourRun.Virtual(ChildrenAsync, seed);
        first.Timeline.Print(output);
        TourRun.Result again = TourRun.Virtual(ChildrenAsync, seed);
        TourRun.Result other = TourRun.Virtual(ChildrenAsync, seed + 1);
        bool repeats = first.Timeline.ToString() == again.Timeline.ToString();
        bool differs = first.Timeline.ToString() != other.Timeline.ToString();
        output.WriteLine($"  Same seed {seed:X} again: {(repeats ? "identical trace" : "DIFFERENT trace")}.");
        output.WriteLine($"  Seed {seed + 1:X}: {(differs ? "a different interleaving" : "the same interleaving (try another seed)")}.");
        return repeats && first.Error is null;
    }
}
