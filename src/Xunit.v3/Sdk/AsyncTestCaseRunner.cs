using Xunit.Sdk;
using Xunit.v3;

namespace TrioTest.Xunit.v3.Sdk;

/// <summary>Runs an <see cref="IAsyncTestCase"/>: xunit's test case runner, with <see cref="AsyncTestRunner"/> for each of its tests.</summary>
internal sealed class AsyncTestCaseRunner : XunitTestCaseRunner
{
    /// <summary>Gets the one instance; the runner keeps no state of its own.</summary>
    public static new AsyncTestCaseRunner Instance { get; } = new();

    /// <summary>Creates the test case's tests (a delay-enumerated theory's rows) and runs them, as xunit runs a test case.</summary>
    public async ValueTask<RunSummary> RunAsync(
        IXunitTestCase testCase, ExplicitOption explicitOption, IMessageBus messageBus, object?[] constructorArguments, ExceptionAggregator aggregator,
        CancellationTokenSource cancellationTokenSource, ParallelMode parallelMode, ExecutionScheduler scheduler, FixtureMappingManager fixtureMappings)
    {
        IReadOnlyCollection<IXunitTest> tests = await aggregator.RunAsync(testCase.CreateTests, []);
        if (aggregator.ToException() is { } error)
        {
            // A data source that throws, or no data: the test case fails with it, as xunit's own runner does.
            return XunitRunnerHelper.FailTestCases(messageBus, cancellationTokenSource, [testCase], error, sendTestCaseMessages: false);
        }

        return await Run(testCase, tests, messageBus, aggregator, cancellationTokenSource, parallelMode, scheduler, testCase.TestCaseDisplayName, testCase.SkipReason, explicitOption, constructorArguments, fixtureMappings);
    }

    /// <inheritdoc/>
    protected override ValueTask<RunSummary> RunTest(XunitTestCaseRunnerContext ctxt, IXunitTest test) =>
        AsyncTestRunner.Instance.Run(
            test, ctxt.MessageBus, ctxt.ConstructorArguments, ctxt.ExplicitOption, ctxt.Aggregator.Clone(), ctxt.CancellationTokenSource, ctxt.ParallelMode, ctxt.Scheduler,
            ctxt.BeforeAfterTestAttributes, ctxt.CaseFixtureMappings);
}
