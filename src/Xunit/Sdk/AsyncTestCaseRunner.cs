using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace TrioTest.Xunit.Sdk;

/// <summary>Runs an <see cref="AsyncTestCase"/>: xunit's test case runner with TrioTest's test runner.</summary>
internal sealed class AsyncTestCaseRunner : XunitTestCaseRunner
{
    /// <summary>Initializes a new instance of the <see cref="AsyncTestCaseRunner"/> class with xunit's arguments.</summary>
    public AsyncTestCaseRunner(
        IXunitTestCase testCase, string displayName, string skipReason, object[] constructorArguments, object[] testMethodArguments,
        IMessageBus messageBus, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
        : base(testCase, displayName, skipReason, constructorArguments, testMethodArguments, messageBus, aggregator, cancellationTokenSource)
    {
    }

    /// <inheritdoc/>
    protected override XunitTestRunner CreateTestRunner(
        ITest test, IMessageBus messageBus, Type testClass, object[] constructorArguments, MethodInfo testMethod, object[] testMethodArguments,
        string skipReason, IReadOnlyList<BeforeAfterTestAttribute> beforeAfterAttributes, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource) =>
        new AsyncTestRunner(test, messageBus, testClass, constructorArguments, testMethod, testMethodArguments, skipReason, beforeAfterAttributes, aggregator, cancellationTokenSource);
}
