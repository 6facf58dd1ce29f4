using System.Diagnostics;
using TrioTest.Testing;

namespace TrioTest.Tour.Running;

/// <summary>Runs one example as the test harness would (virtual clock with autojump, seeded random schedule, strict escapes) and records its trace.</summary>
internal static class TourRun
{
    /// <summary>Runs <paramref name="main"/> on a virtual clock with the given seed, catching what it throws.</summary>
    /// <param name="main">The example.</param>
    /// <param name="seed">The seed of the schedule.</param>
    /// <returns>What the run did.</returns>
    public static TourRunResult Virtual(Func<Task> main, ulong seed)
    {
        var recorder = new TraceRecorder();
        var options = new RunOptions
        {
            Clock = VirtualClock.CreateAutojumping(),
            Seed = seed,
            Strategy = new RandomStrategy(),
            EscapePolicy = EscapePolicy.Fail,
        };
        options.Instruments.Add(recorder);
        TimeSpan virtualTime = TimeSpan.Zero;
        Exception? error = null;
        long started = Stopwatch.GetTimestamp();
        try
        {
            Trio.Run(async () =>
            {
                try
                {
                    await main();
                }
                finally
                {
                    virtualTime = Trio.CurrentTime;
                }
            }, options);
        }
        catch (Exception e)
        {
            error = e;
        }

        return new TourRunResult(recorder.GetTrace(), virtualTime, Stopwatch.GetElapsedTime(started), error);
    }
}
