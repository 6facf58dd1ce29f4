namespace TrioTest.Tour.Sections;

/// <summary>"Exceptions and cancellation": one child fails, its siblings are cancelled at their next checkpoint, the error reaches the parent.</summary>
internal static class ErrorsSection
{
    public const string Name = "errors";

    public static async Task OneFailureAsync()
    {
        await Nursery.RunAsync(nursery =>
        {
            nursery.StartSoon(() => Trio.SleepAsync(TimeSpan.FromSeconds(10), "long sleep").AsTask(), "sleeper");
            nursery.StartSoon(async () =>
            {
                await Trio.SleepAsync(TimeSpan.FromSeconds(1), "short sleep");
                throw new InvalidOperationException("the database is down");
            }, "failing");
            return Task.CompletedTask;
        });
    }

    public static async Task TwoFailuresAsync()
    {
        await Nursery.RunAsync(nursery =>
        {
            foreach (string name in new[] { "x", "y" })
            {
                nursery.StartSoon(async () =>
                {
                    await Trio.SleepAsync(TimeSpan.FromSeconds(1));
                    throw new InvalidOperationException($"{name} failed");
                }, name);
            }

            return Task.CompletedTask;
        });
    }

    public static bool Run(TextWriter output, ulong seed)
    {
        output.WriteLine("One child fails after 1 s; its sibling, asleep for 10 s, is cancelled at once.");
        TourRun.Result one = TourRun.Virtual(OneFailureAsync, seed);
        one.Timeline.Print(output);
        TourRun.PrintTimes(output, one);
        output.WriteLine($"  The parent got: {one.Error?.GetType().Name}: {one.Error?.Message}");
        output.WriteLine("Two children fail at the same virtual instant:");
        TourRun.Result two = TourRun.Virtual(TwoFailuresAsync, seed);
        output.WriteLine($"  The parent got: {two.Error?.GetType().Name} with [{string.Join(", ", (two.Error as AggregateException)?.InnerExceptions.Select(e => e.Message) ?? [])}]");
        return one.Error is InvalidOperationException && one.VirtualTime == TimeSpan.FromSeconds(1) && two.Error is NurseryException;
    }
}
