namespace TrioTest.Tour.Sections.Http;

/// <summary>How long fetching the pages took one way (one by one, or concurrently), on the run's clock.</summary>
/// <param name="Latencies">Each page's latency, in the pages' order.</param>
/// <param name="Total">The time from the first request to the last response.</param>
internal sealed record FetchTimes(IReadOnlyList<TimeSpan> Latencies, TimeSpan Total);
