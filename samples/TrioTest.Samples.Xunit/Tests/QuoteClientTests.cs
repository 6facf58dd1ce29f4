using TrioTest.Samples.Shop;
using TrioTest.Xunit;
using Xunit;

namespace TrioTest.Samples.Xunit.Tests;

/// <summary>A service with a timeout and retries, tested in virtual time: every sleep and timeout below is instant.</summary>
public sealed class QuoteClientTests
{
    [AsyncTest]
    public async Task Slow_source_times_out_and_the_retry_succeeds()
    {
        var source = new ScriptedSource(TimeSpan.FromMinutes(5), TimeSpan.FromMilliseconds(300));   // first call hangs
        var client = new QuoteClient(source, Trio.TimeProvider);

        decimal quote = await client.GetQuoteAsync("tea");

        Assert.Equal(9.5m, quote);
        Assert.Equal(2, source.Calls);
        // 2 s timeout + 1 s backoff + 0.3 s answer, exactly: the clock is virtual.
        Assert.Equal(TimeSpan.FromSeconds(3.3), Trio.CurrentTime);
    }

    [AsyncTest]
    public async Task Source_that_never_answers_fails_after_four_attempts()
    {
        var source = new ScriptedSource(Timeout.InfiniteTimeSpan);
        var client = new QuoteClient(source, Trio.TimeProvider);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetQuoteAsync("tea"));

        Assert.Equal(QuoteClient.MaxAttempts, source.Calls);
        // Four 2 s timeouts and backoffs of 1, 2 and 4 s.
        Assert.Equal(TimeSpan.FromSeconds(15), Trio.CurrentTime);
    }

    [AsyncTest]
    public async Task Caller_cancellation_stops_the_retries_at_once()
    {
        var source = new ScriptedSource(Timeout.InfiniteTimeSpan);
        var client = new QuoteClient(source, Trio.TimeProvider);

        bool finished = await Trio.MoveOnAfterAsync(TimeSpan.FromSeconds(5), () => client.GetQuoteAsync("tea", Trio.CancellationToken));

        Assert.False(finished);
        Assert.Equal(TimeSpan.FromSeconds(5), Trio.CurrentTime);
    }

    /// <summary>Answers after the scripted delay of each call (the last one repeats); infinite means never.</summary>
    private sealed class ScriptedSource(params TimeSpan[] delays) : IQuoteSource
    {
        public int Calls { get; private set; }

        public async Task<decimal> GetQuoteAsync(string product, CancellationToken cancellationToken)
        {
            TimeSpan delay = delays[Math.Min(Calls++, delays.Length - 1)];
            await Task.Delay(delay, Trio.TimeProvider, cancellationToken);
            return 9.5m;
        }
    }
}
