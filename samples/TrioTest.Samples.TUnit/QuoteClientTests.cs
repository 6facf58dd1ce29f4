using TrioTest.Samples.Shop;
using TrioTest.TUnit;
using TUnit.Core;

namespace TrioTest.Samples.TUnit;

/// <summary>A service with a timeout and retries, tested in virtual time: every sleep and timeout below is instant.</summary>
public sealed class QuoteClientTests
{
    private ScriptedSource _source = null!;

    [Before(Test)]
    public void CreateSource() => _source = new ScriptedSource();   // runs on the loop, once per schedule

    [Test, AsyncTest]
    public async Task Slow_source_times_out_and_the_retry_succeeds()
    {
        _source.Delays = [TimeSpan.FromMinutes(5), TimeSpan.FromMilliseconds(300)];
        var client = new QuoteClient(_source, Trio.TimeProvider);

        decimal quote = await client.GetQuoteAsync("tea");

        Check(quote == 9.5m && _source.Calls == 2, $"quote {quote} after {_source.Calls} calls");
        Check(Trio.CurrentTime == TimeSpan.FromSeconds(3.3), $"virtual time {Trio.CurrentTime}");   // 2 s timeout + 1 s backoff + 0.3 s
    }

    [Test, AsyncTest]
    [Arguments(1, 1.0)]
    [Arguments(3, 7.0)]
    public async Task Attempts_cost_timeouts_and_doubling_backoffs(int failures, double backoffSeconds)
    {
        _source.Delays = [.. Enumerable.Repeat(Timeout.InfiniteTimeSpan, failures), TimeSpan.Zero];
        var client = new QuoteClient(_source, Trio.TimeProvider);

        await client.GetQuoteAsync("tea");

        // Each failed attempt costs its 2 s timeout; the backoffs are 1, 2, 4... s.
        double backoffs = (Trio.CurrentTime - (failures * QuoteClient.AttemptTimeout)).TotalSeconds;
        Check(backoffs == backoffSeconds, $"{backoffs} s of backoff, not {backoffSeconds}");
    }

    /// <summary>Fails the test with <paramref name="message"/> unless <paramref name="condition"/> holds (TUnit's own assertions are awaited; these stay synchronous).</summary>
    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
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
