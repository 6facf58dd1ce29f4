using System.Runtime.CompilerServices;
using TrioTest.Tour.Running;

namespace TrioTest.Tour.Sections;

/// <summary>"Timeouts": MoveOnAfter(10 s) around Sleep(20 s) ends at virtual 10 s, in microseconds of real time.</summary>
internal static class TimeoutsSection
{
    /// <summary>The section's name for <c>--section</c>.</summary>
    public const string Name = "timeouts";

    /// <summary>The timeout.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>The sleep it cuts short.</summary>
    public static readonly TimeSpan Sleep = TimeSpan.FromSeconds(20);

    /// <summary>The example: a 20 s sleep inside a 10 s <see cref="Trio.MoveOnAfterAsync(TimeSpan, Func{Task}, bool)"/>.</summary>
    /// <param name="finished">Receives what <see cref="Trio.MoveOnAfterAsync(TimeSpan, Func{Task}, bool)"/> returned: whether the sleep finished.</param>
    public static async Task MoveOnAsync(StrongBox<bool> finished) =>
        finished.Value = await Trio.MoveOnAfterAsync(Timeout, () => Trio.SleepAsync(Sleep, "sleep 20 s").AsTask());

    /// <summary>Runs the example.</summary>
    /// <param name="seed">The seed.</param>
    /// <returns>The run.</returns>
    public static TimeoutsResult Run(ulong seed)
    {
        var finished = new StrongBox<bool>(true);
        TourRunResult run = TourRun.Virtual(() => MoveOnAsync(finished), seed);
        return new TimeoutsResult(run, finished.Value);
    }
}
