using TrioTest.Testing;

namespace TrioTest.Tour.Running;

/// <summary>What one run of an example did.</summary>
/// <param name="Trace">Its checkpoint trace.</param>
/// <param name="VirtualTime">The virtual time when the main task ended.</param>
/// <param name="RealTime">The real time the whole run took.</param>
/// <param name="Error">What the run threw, or <see langword="null"/>.</param>
internal sealed record TourRunResult(CheckpointTrace Trace, TimeSpan VirtualTime, TimeSpan RealTime, Exception? Error)
{
    /// <summary>Gets the times as the tour prints them.</summary>
    public string Times => $"virtual time {Format.Time(VirtualTime)}, real time {Format.Milliseconds(RealTime)}";
}
