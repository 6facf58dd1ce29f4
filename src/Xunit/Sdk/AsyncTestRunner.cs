using System.Reflection;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace TrioTest.Xunit.Sdk;

/// <summary>
/// Runs one xunit test through the TrioTest harness. Each schedule creates the test class, runs
/// <c>IAsyncLifetime.InitializeAsync</c>, the before/after attributes, the method, <c>IAsyncLifetime.DisposeAsync</c> and
/// <c>Dispose</c>, all on the loop, so setup code can use virtual time and nurseries and a fresh instance serves each schedule.
/// </summary>
internal sealed class AsyncTestRunner : XunitTestRunner
{
    /// <summary>How many trace events go to the test output on failure.</summary>
    private const int OutputTraceEvents = 40;

    /// <summary>The harness's result, once the test ran.</summary>
    private TrioTestResult? _result;

    /// <summary>Initializes a new instance of the <see cref="AsyncTestRunner"/> class with xunit's arguments.</summary>
    public AsyncTestRunner(
        ITest test, IMessageBus messageBus, Type testClass, object[] constructorArguments, MethodInfo testMethod, object[] testMethodArguments,
        string skipReason, IReadOnlyList<BeforeAfterTestAttribute> beforeAfterAttributes, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
        : base(test, messageBus, testClass, constructorArguments, testMethod, testMethodArguments, skipReason, beforeAfterAttributes, aggregator, cancellationTokenSource)
    {
    }

    /// <inheritdoc/>
    protected override async Task<Tuple<decimal, string>> InvokeTestAsync(ExceptionAggregator aggregator)
    {
        Tuple<decimal, string> outcome = await base.InvokeTestAsync(aggregator);

        // The report is the failure's message; the output gets a longer stretch of the trace, for reading.
        return _result is { Passed: false } result ? Tuple.Create(outcome.Item1, outcome.Item2 + TestAdapterSupport.FormatTraceTail(result, OutputTraceEvents)) : outcome;
    }

    /// <inheritdoc/>
    protected override async Task<decimal> InvokeTestMethodAsync(ExceptionAggregator aggregator)
    {
        var timer = new ExecutionTimer();
        await timer.AggregateAsync(async () =>
        {
            try
            {
                string testName = TestAdapterSupport.TestName(TestClass, TestMethod, TestMethodArguments);
                string attributeName = TestMethod.GetCustomAttribute<AsyncTheoryAttribute>() is null ? "AsyncTest" : "AsyncTheory";
                TrioTestOptions options = TestAdapterSupport.CreateOptions(TestMethod, ((IAsyncTestCase)TestCase).Settings, attributeName, testName);
                _result = await TrioTestRunner.RunAsync(RunScheduleAsync, options, CancellationTokenSource.Token);
            }
            catch (Exception e)
            {
                aggregator.Add(e);
                return;
            }

            if (!_result.Passed)
            {
                aggregator.Add(new TrioTestFailedException(_result));
            }
        });
        return timer.Total;
    }

    /// <summary>
    /// One schedule: a fresh test class instance, its lifetime and the method, on the loop. Every stage that runs gets to
    /// fail: a body's exception and a cleanup's both reach the report (one as itself, several as an
    /// <see cref="AggregateException"/> with the earliest first), as plain xunit reports both.
    /// </summary>
    private async Task RunScheduleAsync(TrioTestContext context)
    {
        object? instance = TestMethod.IsStatic ? null : TestAdapterSupport.CreateInstance(TestClass, ConstructorArguments);
        var failures = new TestFailures();
        if (instance is IAsyncLifetime lifetime)
        {
            await failures.RunAsync(lifetime.InitializeAsync);
        }

        if (failures.Count == 0)
        {
            await RunBeforeAfterAndMethodAsync(instance, failures);
        }

        if (instance is IAsyncLifetime ending)
        {
            await failures.RunAsync(ending.DisposeAsync);
        }

        await failures.RunAsync(() => TestAdapterSupport.DisposeAsync(instance));
        failures.ThrowIfAny();
    }

    /// <summary>The before/after attributes around the method: each After runs for a Before that ran, whatever failed.</summary>
    private async Task RunBeforeAfterAndMethodAsync(object? instance, TestFailures failures)
    {
        int before = 0;
        await failures.RunAsync(async () =>
        {
            for (; before < BeforeAfterAttributes.Count; before++)
            {
                BeforeAfterAttributes[before].Before(TestMethod);
            }

            await TestAdapterSupport.InvokeAsync(TestMethod, instance, TestMethodArguments);
        });
        for (int i = before - 1; i >= 0; i--)
        {
            BeforeAfterTestAttribute attribute = BeforeAfterAttributes[i];
            failures.Run(() => attribute.After(TestMethod));
        }
    }
}
