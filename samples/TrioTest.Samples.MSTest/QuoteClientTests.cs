using Microsoft.VisualStudio.TestTools.UnitTesting;
using TrioTest.MSTest;
using TrioTest.Samples.Shop;

[assembly: DoNotParallelize]

namespace TrioTest.Samples.MSTest;

/// <summary>A service with a timeout and retries, tested in virtual time: every sleep and timeout below is instant.</summary>
[TestClass]
public sealed class QuoteClientTests
{
    private ScriptedSource _source = null!;

    [TestInitialize]
    public void CreateSource() => _source = new ScriptedSource();   // runs on the loop, once per schedule

    [AsyncTestMethod]
    public async Task Slow_source_times_out_and_the_retry_succeeds()
    {
        _source.Delays = [TimeSpan.FromMinutes(5), TimeSpan.FromMilliseconds(300)];
        var client = new QuoteClient(_source, Trio.TimeProvider);

        decimal quote = await client.GetQuoteAsync("tea");

        Assert.AreEqual(9.5m, quote);
        Assert.AreEqual(2, _source.Calls);
        Assert.AreEqual(TimeSpan.FromSeconds(3.3), Trio.CurrentTime);   // 2 s timeout + 1 s backoff + 0.3 s
    }

    [AsyncTestMethod]
    [DataRow(1, 1.0)]
    [DataRow(3, 7.0)]
    public async Task Attempts_cost_timeouts_and_doubling_backoffs(int failures, double backoffSeconds)
    {
        _source.Delays = [.. Enumerable.Repeat(Timeout.InfiniteTimeSpan, failures), TimeSpan.Zero];
        var client = new QuoteClient(_source, Trio.TimeProvider);

        await client.GetQuoteAsync("tea");

        // Each failed attempt costs its 2 s timeout; the backoffs are 1, 2, 4... s.
        Assert.AreEqual(backoffSeconds, (Trio.CurrentTime - (failures * QuoteClient.AttemptTimeout)).TotalSeconds);
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
