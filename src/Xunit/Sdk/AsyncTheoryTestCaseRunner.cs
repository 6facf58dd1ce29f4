using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace TrioTest.Xunit.Sdk;

/// <summary>Runs an <see cref="AsyncTheoryTestCase"/>: xunit enumerates the data rows, TrioTest's test runner runs each.</summary>
internal sealed class AsyncTheoryTestCaseRunner : XunitTheoryTestCaseRunner
{
    /// <summary>Initializes a new instance of the <see cref="AsyncTheoryTestCaseRunner"/> class with xunit's arguments.</summary>
    public AsyncTheoryTestCaseRunner(
        IXunitTestCase testCase, string displayName, string skipReason, object[] constructorArguments, IMessageSink diagnosticMessageSink,
        IMessageBus messageBus, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
        : base(testCase, displayName, skipReason, constructorArguments, diagnosticMessageSink, messageBus, aggregator, cancellationTokenSource)
    {
    }

    /// <inheritdoc/>
    protected override XunitTestRunner CreateTestRunner(
        ITest test, IMessageBus messageBus, Type testClass, object[] constructorArguments, MethodInfo testMethod, object[] testMethodArguments,
        string skipReason, IReadOnlyList<BeforeAfterTestAttribute> beforeAfterAttributes, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource) =>
        new AsyncTestRunner(test, messageBus, testClass, constructorArguments, testMethod, testMethodArguments, skipReason, beforeAfterAttributes, aggregator, cancellationTokenSource);
}
