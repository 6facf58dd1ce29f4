namespace TrioTest.Tour.Sections;

/// <summary>"Timeouts": MoveOnAfter(10 s) around Sleep(20 s) ends at virtual 10 s, in microseconds of real time.</summary>
internal static class TimeoutsSection
{
    public const string Name = "timeouts";

    public static async Task MoveOnAsync()
    {
        bool finished = await Trio.MoveOnAfterAsync(TimeSpan.FromSeconds(10), () => Trio.SleepAsync(TimeSpan.FromSeconds(20), "sleep 20 s").AsTask());
        if (finished)
        {
            throw new InvalidOperationException("the sleep should have been cancelled");
        }
    }

    public static bool Run(TextWriter output, ulong seed)
    {
        output.WriteLine("MoveOnAfter(10 s) around Sleep(20 s):");
        TourRun.Result result = TourRun.Virtual(MoveOnAsync, seed);
        result.Timeline.Print(output);
        TourRun.PrintTimes(output, result);
        output.WriteLine("  The clock jumped straight to the deadline: ten virtual seconds, no real waiting.");
        return result.Error is null && result.VirtualTime == TimeSpan.FromSeconds(10);
    }
}
