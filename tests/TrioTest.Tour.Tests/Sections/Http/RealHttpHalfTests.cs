using FluentAssertions;
using TrioTest.Tour.Sections.Http;

namespace TrioTest.Tour.Tests.Sections.Http;

/// <summary>Runs the whole HTTP section once, real half included, for the tests of this class.</summary>
public sealed class HttpSectionFixture
{
    internal HttpResult Result { get; } = HttpSection.Run(TourArguments.DefaultSeed);
}

[Collection(RealTimeCollection.Name)]
public class RealHttpHalfTests(HttpSectionFixture fixture) : IClassFixture<HttpSectionFixture>
{
    private readonly HttpResult _result = fixture.Result;

    [Fact]
    public void Run_Server_ListensOnLoopbackAtTheEphemeralPortTheSystemPicked()
    {
        Uri address = _result.Real.ServerAddress;

        address.Host.Should().Be("127.0.0.1");
        address.Port.Should().BeGreaterThan(0);
    }

    [Fact]
    public void Run_RealConcurrentFetch_IsMoreThanTwiceAsFast()
    {
        // Robust on a loaded machine: one by one can never beat the 780 ms the server sleeps, so the bound fails only if
        // the concurrent fetch (120 ms of server sleep, connections already open) takes over 390 ms, more than three
        // times its ideal. Nothing else in this assembly runs meanwhile (the real-time collection), and the thread pool
        // starts with spare threads (ThreadPoolMinThreads in the csproj), so its growth rate cannot stall the responses.
        HttpHalf real = _result.Real.Half;

        real.Speedup.Should().BeGreaterThan(HttpResult.MinimumRealSpeedup, "the concurrent total ({0}) should be well under half the sequential one ({1}):\n{2}",
            real.Concurrently.Total, real.OneByOne.Total, _result.Table());
    }

    [Fact]
    public void Run_RealHalf_FetchedEveryPageBothWaysOverRealSockets()
    {
        HttpHalf real = _result.Real.Half;

        real.OneByOne.Latencies.Should().HaveCount(12).And.OnlyContain(static t => t > TimeSpan.Zero);
        real.Concurrently.Latencies.Should().HaveCount(12).And.OnlyContain(static t => t > TimeSpan.Zero);
        _result.Real.Escapes.Should().BePositive("real I/O completes on other threads and posts back into the loop");
    }

    [Fact]
    public void Run_VirtualHalf_ReproducesTheTableExactly()
    {
        _result.Virtual.OneByOne.Total.Should().Be(_result.SumOfDelays).And.Be(TimeSpan.FromMilliseconds(780));
        _result.Virtual.Concurrently.Total.Should().Be(_result.LargestDelay).And.Be(TimeSpan.FromMilliseconds(120));
    }

    [Fact]
    public void Run_EveryClaimHolds()
    {
        _result.Claims.Should().HaveCount(5).And.OnlyContain(c => c.Holds);
    }

    [Fact]
    public void Table_HasARowPerPageAndTheTotals()
    {
        string[] lines = _result.Table().TrimEnd('\n').Split('\n');

        lines.Should().HaveCount(2 + 12 + 3);
        lines[^3].Should().StartWith("    total").And.EndWith("780.0 ms     120.0 ms");
        lines[^2].Should().StartWith("    speedup").And.EndWith("6.5x");
    }
}

[Collection(RealTimeCollection.Name)]
public class PageServerTests
{
    [Fact]
    public async Task StartAsync_TwoServersAtOnce_GetDifferentEphemeralPorts()
    {
        await using PageServer first = await PageServer.StartAsync(Page.Twelve);
        await using PageServer second = await PageServer.StartAsync(Page.Twelve);

        first.Address.Port.Should().NotBe(second.Address.Port).And.BeGreaterThan(0);
        second.Address.Port.Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task StartAsync_ServesEachPageAndNothingElse()
    {
        await using PageServer server = await PageServer.StartAsync(Page.Twelve);
        using var client = new HttpClient { BaseAddress = server.Address };

        string body = await client.GetStringAsync("/page/6");
        using HttpResponseMessage missing = await client.GetAsync("/page/13");

        body.Should().Be("This is page 6.");
        missing.StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
    }
}
