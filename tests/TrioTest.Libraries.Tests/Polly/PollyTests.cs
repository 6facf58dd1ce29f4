using Polly;
using Polly.Retry;
using Polly.Timeout;
using TrioTest.Testing;
using TrioTest.Xunit;

namespace TrioTest.Libraries.Tests.Polly;

/// <summary>
/// Polly.Core awaits the user's callback with <c>ResilienceContext.ContinueOnCapturedContext</c>, false by default: the
/// continuation leaves the loop. Without rewriting the report says so on every run; with the context set, retries and
/// timeouts run in virtual time (docs/libraries.md, "Polly").
/// </summary>
public sealed class PollyTests
{
    private static ResiliencePipeline RetryThenTimeout() => new ResiliencePipelineBuilder { TimeProvider = Trio.TimeProvider }
        .AddRetry(new RetryStrategyOptions { MaxRetryAttempts = 2, Delay = TimeSpan.FromSeconds(1), BackoffType = DelayBackoffType.Constant })
        .AddTimeout(TimeSpan.FromSeconds(5))
        .Build();

    [Fact]
    public void DefaultContext_LeavesTheLoop_WithOneReportPerSeed_NamingTheCallbackAndPollysSwitch()
    {
        (string report, EscapeException failure) = LeavingTheLoop.ReportOf(async () =>
        {
            int attempts = 0;
            await RetryThenTimeout().ExecuteAsync(async _ =>
            {
                attempts++;
                await Trio.SleepAsync(TimeSpan.FromSeconds(1));
            });
        });

        Assert.Contains("the code that awaited it was sent to the thread pool: it awaited with ConfigureAwait(false)", failure.Escape.Diagnosis);
        Assert.Contains("a lambda in TrioTest.Libraries.Tests.Polly.PollyTests", failure.Escape.Diagnosis);
        Assert.Contains("Polly, a ResilienceContext with ContinueOnCapturedContext = true", failure.Escape.Diagnosis);
        Assert.Contains("virtual time 00:00:01.000", report);
    }

    [AsyncTest]
    public async Task ContinueOnCapturedContext_RetriesAtTheirExactVirtualTimes()
    {
        var attemptsAt = new List<TimeSpan>();
        ResilienceContext context = ResilienceContextPool.Shared.Get(continueOnCapturedContext: true);

        await RetryThenTimeout().ExecuteAsync(async _ =>
        {
            attemptsAt.Add(Trio.CurrentTime);
            await Trio.SleepAsync(TimeSpan.FromSeconds(1));
            if (attemptsAt.Count < 3)
            {
                throw new InvalidOperationException("transient");
            }
        }, context);
        ResilienceContextPool.Shared.Return(context);

        // Each attempt sleeps 1 s and each retry waits 1 s: attempts at 0, 2 and 4 s, done at 5 s.
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], attemptsAt);
        Assert.Equal(TimeSpan.FromSeconds(5), Trio.CurrentTime);
    }

    [AsyncTest]
    public async Task ContinueOnCapturedContext_TimesOutAHangingAttemptAtExactlyItsTimeout()
    {
        ResilienceContext context = ResilienceContextPool.Shared.Get(continueOnCapturedContext: true);
        ResiliencePipeline timeoutOnly = new ResiliencePipelineBuilder { TimeProvider = Trio.TimeProvider }.AddTimeout(TimeSpan.FromSeconds(5)).Build();

        await Assert.ThrowsAsync<TimeoutRejectedException>(async () =>
            await timeoutOnly.ExecuteAsync(async (ctx, token) => await Task.Delay(Timeout.InfiniteTimeSpan, Trio.TimeProvider, ctx.CancellationToken), context, 0));
        ResilienceContextPool.Shared.Return(context);

        Assert.Equal(TimeSpan.FromSeconds(5), Trio.CurrentTime);
        Assert.Equal(0, Trio.GetStatistics().Escapes);
    }
}
