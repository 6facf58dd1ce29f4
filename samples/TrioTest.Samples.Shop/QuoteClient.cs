namespace TrioTest.Samples.Shop;

/// <summary>A source of price quotes: a remote service in production, a scripted fake in tests.</summary>
public interface IQuoteSource
{
    Task<decimal> GetQuoteAsync(string product, CancellationToken cancellationToken);
}

/// <summary>
/// Production code: asks a quote source with a timeout per attempt and retries with exponential backoff. Time comes
/// from the injected <see cref="TimeProvider"/>: <see cref="TimeProvider.System"/> in production, TrioTest's virtual
/// clock in tests, so a test of a 30-second retry budget takes microseconds.
/// </summary>
public sealed class QuoteClient(IQuoteSource source, TimeProvider time)
{
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);

    public const int MaxAttempts = 4;

    public async Task<decimal> GetQuoteAsync(string product, CancellationToken cancellationToken = default)
    {
        TimeSpan backoff = FirstBackoff;
        for (int attempt = 1; ; attempt++)
        {
            using var attemptTimeout = new CancellationTokenSource(AttemptTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attemptTimeout.Token);
            try
            {
                return await source.GetQuoteAsync(product, linked.Token);
            }
            catch (Exception e) when (attempt < MaxAttempts && !cancellationToken.IsCancellationRequested && e is OperationCanceledException or HttpRequestException)
            {
                await Task.Delay(backoff, time, cancellationToken);
                backoff *= 2;
            }
        }
    }
}
