using TrioTest.Tour.Running;

namespace TrioTest.Tour.Sections;

/// <summary>"Exceptions and cancellation": one child fails, its siblings are cancelled at their next checkpoint, the error reaches the parent; two failures arrive together.</summary>
internal static class ErrorsSection
{
    /// <summary>The section's name for <c>--section</c>.</summary>
    public const string Name = "errors";

    /// <summary>The virtual time at which the failing child fails.</summary>
    public static readonly TimeSpan FailureTime = TimeSpan.FromSeconds(1);

    /// <summary>How long the sleeper would sleep.</summary>
    public static readonly TimeSpan SleeperTime = TimeSpan.FromSeconds(10);

    /// <summary>The message of the failure.</summary>
    public const string FailureMessage = "the database is down";

    /// <summary>The most rounds the worker runs if nothing cancels it.</summary>
    public const int WorkerRounds = 100;

    /// <summary>
    /// The example: <c>failing</c> throws after 1 s; <c>sleeper</c> is then blocked in a 10 s sleep; <c>worker</c> wakes at
    /// the same instant as the failure and works in rounds, a checkpoint per round. Whichever the seed runs first at 1 s,
    /// the worker runs on to its next checkpoint and is cancelled there.
    /// </summary>
    public static Task OneFailureAsync() => Nursery.RunAsync(nursery =>
    {
        nursery.StartSoon(async () =>
        {
            await Trio.SleepAsync(SleeperTime, "long sleep");
            Trio.Note("woke up");
        }, "sleeper");
        nursery.StartSoon(async () =>
        {
            await Trio.SleepAsync(FailureTime, "nap");
            for (int round = 0; round < WorkerRounds; round++)
            {
                Trio.Note($"round {round}");
                await Trio.CheckpointAsync($"round {round} done");
            }
        }, "worker");
        nursery.StartSoon(async () =>
        {
            await Trio.SleepAsync(FailureTime, "short sleep");
            Trio.Note("failing");
            throw new InvalidOperationException(FailureMessage);
        }, "failing");
        return Task.CompletedTask;
    });

    /// <summary>The second example: <c>x</c> and <c>y</c> both fail at 1 s.</summary>
    public static Task TwoFailuresAsync() => Nursery.RunAsync(nursery =>
    {
        foreach (string name in new[] { "x", "y" })
        {
            nursery.StartSoon(async () =>
            {
                await Trio.SleepAsync(FailureTime, "sleep");
                throw new InvalidOperationException($"{name} failed");
            }, name);
        }

        return Task.CompletedTask;
    });

    /// <summary>Runs both examples.</summary>
    /// <param name="seed">The seed.</param>
    /// <returns>The two runs.</returns>
    public static ErrorsResult Run(ulong seed) =>
        new(TourRun.Virtual(OneFailureAsync, seed), TourRun.Virtual(TwoFailuresAsync, seed));
}
