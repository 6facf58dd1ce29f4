using System.Diagnostics;
using TrioTest.Testing;
using TrioTest.Tour.Running;

namespace TrioTest.Tour.Sections.Http;

/// <summary>
/// "HTTP requests": twelve pages fetched one by one, then concurrently in a nursery; first for real, from a Kestrel
/// server on loopback, then in virtual time through <see cref="VirtualHttpHandler"/> with the same delays, where the
/// totals are exactly the sum and the largest of the latencies.
/// </summary>
internal static class HttpSection
{
    /// <summary>The section's name for <c>--section</c>.</summary>
    public const string Name = "http";

    /// <summary>The most time either half may take (real or virtual); a hung server fails the section instead of hanging it.</summary>
    private static readonly TimeSpan s_limit = TimeSpan.FromSeconds(30);

    /// <summary>Runs both halves.</summary>
    /// <param name="seed">The seed of the virtual half.</param>
    /// <returns>Both halves.</returns>
    public static HttpResult Run(ulong seed)
    {
        RealHttpRun real = RunReal(Page.Twelve);
        (HttpHalf virtualHalf, TourRunResult virtualRun) = RunVirtual(Page.Twelve, seed);
        return new HttpResult(Page.Twelve, real, virtualHalf, virtualRun);
    }

    /// <summary>Serves the pages from a real server on 127.0.0.1 and fetches them over real sockets, on the system clock.</summary>
    /// <param name="pages">The pages.</param>
    /// <returns>The times, the server's address and the escapes the loop saw.</returns>
    /// <remarks>
    /// Blocks the calling thread for about a second while Kestrel and HttpClient work on thread-pool threads; a caller
    /// that is itself a pool thread (a test) needs spare pool threads, or every response waits for the pool to grow.
    /// </remarks>
    public static RealHttpRun RunReal(IReadOnlyList<Page> pages)
    {
        long started = Stopwatch.GetTimestamp();
        PageServer server = PageServer.StartAsync(pages).GetAwaiter().GetResult();
        TimeSpan serverStart = Stopwatch.GetElapsedTime(started);
        try
        {
            using var client = new HttpClient { BaseAddress = server.Address, Timeout = Timeout.InfiniteTimeSpan };

            // The same fetch code as the virtual half, run with Trio.Run's defaults: the system clock, and escapes recorded
            // rather than failed. That is the honest setting for real I/O: socket completions arrive on other threads and
            // post back into the loop (each one an escape); a test in strict mode would reject them, which is why tests
            // fetch through the virtual handler instead.
            started = Stopwatch.GetTimestamp();
            (FetchTimes oneByOne, FetchTimes concurrently, int escapes) = Trio.Run(() => Trio.FailAfterAsync(s_limit, async () =>
            {
                // Not timed: compiles both sides' code paths and opens as many keep-alive connections as the concurrent fetch
                // uses, so neither way pays for connecting (on a loaded machine, twelve new connections would blur the speedup).
                Page quickest = pages.MinBy(static p => p.Delay)!;
                await PageFetcher.ConcurrentlyAsync(client, [.. Enumerable.Repeat(quickest, pages.Count)]);
                FetchTimes oneByOne = await PageFetcher.OneByOneAsync(client, pages);
                FetchTimes concurrently = await PageFetcher.ConcurrentlyAsync(client, pages);
                return (oneByOne, concurrently, Trio.GetStatistics().Escapes);
            }));
            return new RealHttpRun(new HttpHalf(oneByOne, concurrently, Stopwatch.GetElapsedTime(started)), server.Address, serverStart, escapes);
        }
        finally
        {
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Scripts the pages on a <see cref="VirtualHttpHandler"/> and fetches them in virtual time, strict, with a trace.</summary>
    /// <param name="pages">The pages.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The times and the run.</returns>
    public static (HttpHalf Half, TourRunResult Run) RunVirtual(IReadOnlyList<Page> pages, ulong seed)
    {
        var handler = new VirtualHttpHandler();
        foreach (Page page in pages)
        {
            handler.MapGet(page.Path).Respond(page.Body, latency: page.Delay);
        }

        using var client = new HttpClient(handler) { BaseAddress = new Uri("http://pages.test/"), Timeout = Timeout.InfiniteTimeSpan };
        FetchTimes? oneByOne = null;
        FetchTimes? concurrently = null;
        TourRunResult run = TourRun.Virtual(() => Trio.FailAfterAsync(s_limit, async () =>
        {
            oneByOne = await PageFetcher.OneByOneAsync(client, pages);
            concurrently = await PageFetcher.ConcurrentlyAsync(client, pages);
        }), seed);
        if (run.Error is not null)
        {
            throw new InvalidOperationException("The virtual half of the HTTP section failed.", run.Error);
        }

        return (new HttpHalf(oneByOne!, concurrently!, run.RealTime), run);
    }
}
