using System.Runtime.ExceptionServices;
using Xunit;
using Xunit.v3;

namespace TrioTest.Xunit.v3.Sdk;

/// <summary>
/// Runs one xunit test through the TrioTest harness: each schedule is xunit's own run of the test (the test class with
/// its fixtures, <c>IAsyncLifetime</c>, the before/after attributes, the method, <c>DisposeAsync</c> and
/// <c>Dispose</c>) on the loop; the exploration is one xunit result.
/// </summary>
internal sealed class AsyncTestRunner : XunitTestRunner
{
    /// <summary>How many trace events go to the test output on failure.</summary>
    private const int OutputTraceEvents = 40;

    /// <summary>Gets the one instance; the runner keeps no state of its own.</summary>
    public static new AsyncTestRunner Instance { get; } = new();

    /// <inheritdoc/>
    protected override async ValueTask<TimeSpan> RunTest(XunitTestRunnerContext ctxt)
    {
        var testCase = (IAsyncTestCase)ctxt.Test.TestCase;
        TrioTestOptions options;
        try
        {
            options = TestAdapterSupport.CreateOptions(ctxt.Method, AsyncTestSettings.Deserialize(testCase.Settings), testCase.AttributeName, TestAdapterSupport.TestName(ctxt.Test.TestCase.TestClass.Class, ctxt.Method, ctxt.Test.TestMethodArguments));
        }
        catch (TrioTestConfigurationException e)
        {
            ctxt.Aggregator.Add(e);
            return TimeSpan.Zero;
        }

        TimeSpan elapsed = TimeSpan.Zero;
        TrioTestResult result = await TrioTestRunner.RunAsync(
            async _ =>
            {
                // xunit's own run of the test, on the loop: its failures are collected, then fail the schedule.
                elapsed += await base.RunTest(ctxt);
                if (ctxt.Aggregator.ToException() is { } failure)
                {
                    ctxt.Aggregator.Clear();
                    ExceptionDispatchInfo.Throw(failure);
                }
            },
            options,
            ctxt.CancellationTokenSource.Token);
        if (!result.Passed)
        {
            ctxt.Aggregator.Add(new TrioTestFailedException(result));
            TestContext.Current.TestOutputHelper?.WriteLine(TestAdapterSupport.FormatTraceTail(result, OutputTraceEvents));
        }

        return elapsed;
    }
}
