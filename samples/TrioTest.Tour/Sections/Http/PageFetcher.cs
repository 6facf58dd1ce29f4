namespace TrioTest.Tour.Sections.Http;

/// <summary>
/// The code under study: fetch pages one by one, or all at once in a nursery, timing each on the run's clock
/// (<see cref="Trio.CurrentTime"/>). The section runs this same code against a real server on the system clock and
/// against the virtual HTTP handler on a virtual clock.
/// </summary>
internal static class PageFetcher
{
    /// <summary>Fetches the pages one after the other.</summary>
    /// <param name="client">The client.</param>
    /// <param name="pages">The pages.</param>
    /// <returns>The times.</returns>
    public static async Task<FetchTimes> OneByOneAsync(HttpClient client, IReadOnlyList<Page> pages)
    {
        TimeSpan started = Trio.CurrentTime;
        var latencies = new TimeSpan[pages.Count];
        for (int i = 0; i < pages.Count; i++)
        {
            latencies[i] = await FetchAsync(client, pages[i]);
        }

        return new FetchTimes(latencies, Trio.CurrentTime - started);
    }

    /// <summary>Fetches the pages concurrently: a child per page in a nursery, which ends when the last response is in.</summary>
    /// <param name="client">The client.</param>
    /// <param name="pages">The pages.</param>
    /// <returns>The times.</returns>
    public static async Task<FetchTimes> ConcurrentlyAsync(HttpClient client, IReadOnlyList<Page> pages)
    {
        TimeSpan started = Trio.CurrentTime;
        var latencies = new TimeSpan[pages.Count];
        await Nursery.RunAsync(nursery =>
        {
            for (int i = 0; i < pages.Count; i++)
            {
                int index = i;
                nursery.StartSoon(async () => latencies[index] = await FetchAsync(client, pages[index]), $"fetch{pages[index].Number}");
            }

            return Task.CompletedTask;
        });
        return new FetchTimes(latencies, Trio.CurrentTime - started);
    }

    /// <summary>Fetches one page, checks its body, and returns how long it took.</summary>
    /// <param name="client">The client.</param>
    /// <param name="page">The page.</param>
    /// <returns>The latency.</returns>
    /// <exception cref="InvalidDataException">The body is not the page's.</exception>
    public static async Task<TimeSpan> FetchAsync(HttpClient client, Page page)
    {
        TimeSpan started = Trio.CurrentTime;
        string body = await client.GetStringAsync(page.Path, Trio.CancellationToken);
        return body == page.Body ? Trio.CurrentTime - started : throw new InvalidDataException($"{page.Path} returned \"{body}\", not \"{page.Body}\".");
    }
}
