using System.Runtime.CompilerServices;

namespace TrioTest.MSTest.Tests.Fixtures;

/// <summary>
/// The probe behind the adapter's design: each schedule calls MSTest's own <see cref="ITestMethod.InvokeAsync"/> on the
/// loop, which would run the constructor, [TestInitialize], the body and [TestCleanup] for us, if MSTest stayed on the
/// loop. It does not: its awaits use ConfigureAwait(false), and TrioTest's strict mode reports the departure.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ViaMSTestInvokeAttribute([CallerFilePath] string callerFilePath = "", [CallerLineNumber] int callerLineNumber = -1)
    : TestMethodAttribute(callerFilePath, callerLineNumber)
{
    public override async Task<TestResult[]> ExecuteAsync(ITestMethod testMethod)
    {
        TrioTestResult outcome = await TrioTestRunner.RunAsync(
            async _ =>
            {
                TestResult result = await testMethod.InvokeAsync(null);
                if (result.Outcome != UnitTestOutcome.Passed)
                {
                    throw result.TestFailureException ?? new InvalidOperationException(result.Outcome.ToString());
                }
            },
            new TrioTestOptions { TestName = testMethod.TestMethodName, GetEnvironmentVariable = _ => null });
        return [outcome.Passed ? new TestResult { Outcome = UnitTestOutcome.Passed } : new TestResult { Outcome = UnitTestOutcome.Failed, TestFailureException = new TrioTestFailedException(outcome) }];
    }
}

[TestClass]
public sealed class ProbeFixtures
{
    [TestInitialize]
    public async Task InitializeAsync() => await Trio.SleepAsync(TimeSpan.FromSeconds(1));

    [ViaMSTestInvoke]
    public async Task Set_up_that_awaits_the_loop_through_MSTests_own_invocation() => await Trio.CheckpointAsync();
}
