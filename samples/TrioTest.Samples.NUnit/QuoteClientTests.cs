using NUnit.Framework;
using TrioTest.NUnit;
using TrioTest.Samples.Shop;

namespace TrioTest.Samples.NUnit;

/// <summary>A service with a timeout and retries, tested in virtual time: every sleep and timeout below is instant.</summary>
public sealed class QuoteClientTests
{
    private ScriptedSource _source = null!;

    [SetUp]
    public void CreateSource() => _source = new ScriptedSource();   // runs on the loop, once per schedule

    [AsyncTest]
    public async Task Slow_source_times_out_and_the_retry_succeeds()
    {
        _source.Delays = [TimeSpan.FromMinutes(5), TimeSpan.FromMilliseconds(300)];
        var client = new QuoteClient(_source, Trio.TimeProvider);

        decimal quote = await client.GetQuoteAsync("tea");

        Assert.That(quote, Is.EqualTo(9.5m));
        Assert.That(_source.Calls, Is.EqualTo(2));
        Assert.That(Trio.CurrentTime, Is.EqualTo(TimeSpan.FromSeconds(3.3)));   // 2 s timeout + 1 s backoff + 0.3 s
    }

    [AsyncTest]
    [TestCase(1, ExpectedResult = 1)]
    [TestCase(3, ExpectedResult = 7)]
    public async Task<double> Attempts_cost_timeouts_and_doubling_backoffs(int failures)
    {
        _source.Delays = [.. Enumerable.Repeat(Timeout.InfiniteTimeSpan, failures), TimeSpan.Zero];
        var client = new QuoteClient(_source, Trio.TimeProvider);

        await client.GetQuoteAsync("tea");

        // Each failed attempt costs its 2 s timeout; the backoffs are 1, 2, 4... s: the result is the backoff total.
        return (Trio.CurrentTime - (failures * QuoteClient.AttemptTimeout)).TotalSeconds;
    }

    /// <summary>Answers after the scripted delay of each call (the last one repeats); infinite means never.</summary>
    private sealed class ScriptedSource : IQuoteSource
    {
        public TimeSpan[] Delays { get; set; } = [TimeSpan.Zero];

        public int Calls { get; private set; }

        public async Task<decimal> GetQuoteAsync(string product, CancellationToken cancellationToken)
        {
            TimeSpan delay = Delays[Math.Min(Calls++, Delays.Length - 1)];
            await Task.Delay(delay, Trio.TimeProvider, cancellationToken);
            return 9.5m;
        }
    }
}
