namespace TrioTest.Tour.Sections.Http;

/// <summary>One half of the HTTP section (real or virtual): the pages fetched one by one, then concurrently.</summary>
/// <param name="OneByOne">The times one by one.</param>
/// <param name="Concurrently">The times concurrently, in a nursery.</param>
/// <param name="RealTime">The real time the run took (for the real half, its untimed warm-up request included; not the server's start).</param>
internal sealed record HttpHalf(FetchTimes OneByOne, FetchTimes Concurrently, TimeSpan RealTime)
{
    /// <summary>Gets how many times faster fetching concurrently was.</summary>
    public double Speedup => OneByOne.Total / Concurrently.Total;
}
