using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace TrioTest.MSTest.Sdk;

/// <summary>
/// Runs one <c>[AsyncTestMethod]</c> (one data row of it) through the TrioTest harness, each schedule a
/// <see cref="ScheduleRunner"/> on the loop, and turns the exploration into one MSTest result.
/// </summary>
internal static class ExplorationRunner
{
    /// <summary>The attribute's name, for messages and the report's replay line.</summary>
    public const string AttributeName = "AsyncTestMethod";

    /// <summary>How many trace events go to the test output on failure.</summary>
    private const int OutputTraceEvents = 40;

    /// <summary>Runs the exploration of <paramref name="testMethod"/>.</summary>
    /// <param name="testMethod">MSTest's test method, with its data row as <see cref="ITestMethod.Arguments"/>.</param>
    /// <param name="settings">The values set on the attribute.</param>
    /// <returns>One result: passed, or the failing schedule's report.</returns>
    public static async Task<TestResult> RunAsync(ITestMethod testMethod, AsyncTestSettings settings)
    {
        // MSTest sets the running test's context around ExecuteAsync; the harness's loop thread inherits it.
#pragma warning disable MSTESTEXP // TestContext.Current is experimental in MSTest 4: without it, tests run without a TestContext.
        TestContext? context = TestContext.Current;
#pragma warning restore MSTESTEXP
        var result = new TestResult { Outcome = UnitTestOutcome.Failed };
        try
        {
            TrioTestOptions options = MethodCheck.CreateOptions(testMethod, settings, TestAdapterSupport.TestName(testMethod.MethodInfo.ReflectedType ?? testMethod.MethodInfo.DeclaringType!, testMethod.MethodInfo, testMethod.Arguments));
            TrioTestResult outcome = await TrioTestRunner.RunAsync(new ScheduleRunner(testMethod, context).RunAsync, options, context?.CancellationToken ?? default);
            if (outcome.Passed)
            {
                result.Outcome = UnitTestOutcome.Passed;
                CapturedOutput.Fill(result, context, string.Empty);
                return result;
            }

            result.Outcome = outcome.Failure is AssertInconclusiveException ? UnitTestOutcome.Inconclusive : UnitTestOutcome.Failed;
            result.TestFailureException = new TrioTestFailedException(outcome);
            CapturedOutput.Fill(result, context, TestAdapterSupport.FormatTraceTail(outcome, OutputTraceEvents));
        }
        catch (Exception e)
        {
            // A setting out of range, a method that cannot run, a malformed TRIOTEST_SEED, an unreadable regression file.
            result.TestFailureException = e;
            CapturedOutput.Fill(result, context, string.Empty);
        }

        return result;
    }
}
