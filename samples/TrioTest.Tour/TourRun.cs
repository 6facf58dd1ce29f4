using System.Diagnostics;

namespace TrioTest.Tour;

/// <summary>Runs one example under the harness's settings (virtual clock, autojump, seeded random schedule) and reports it.</summary>
internal static class TourRun
{
    /// <summary>What one run did.</summary>
    public sealed record Result(Timeline Timeline, TimeSpan VirtualTime, TimeSpan RealTime, Exception? Error);

    /// <summary>Runs <paramref name="main"/> with a virtual clock and the given seed.</summary>
    public static Result Virtual(Func<Task> main, ulong seed)
    {
        var timeline = new Timeline();
        var options = new RunOptions
        {
            Clock = VirtualClock.CreateAutojumping(),
            Seed = seed,
            Strategy = new RandomStrategy(),
            EscapePolicy = EscapePolicy.Fail,
        };
        options.Instruments.Add(timeline);
        TimeSpan virtualTime = TimeSpan.Zero;
        var real = Stopwatch.StartNew();
        Exception? error = null;
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

        return new Result(timeline, virtualTime, real.Elapsed, error);
    }

    /// <summary>Prints the times of a run.</summary>
    public static void PrintTimes(TextWriter output, Result result) =>
        output.WriteLine($"    virtual time {result.VirtualTime:c}, real time {result.RealTime.TotalMilliseconds:F1} ms");
}
