using System.Reflection;
using System.Runtime.ExceptionServices;
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
        if (_result is not { Passed: false } result)
        {
            return outcome;
        }

        // The report is the failure's message; the output gets a longer stretch of the trace, for reading.
        string output = outcome.Item2;
        if (result.Trace.Count > 0)
        {
            output += $"TrioTest trace of seed {TrioSeed.Format(result.Seed)}, last {Math.Min(OutputTraceEvents, result.Trace.Count)} of {result.Trace.Count} events:{Environment.NewLine}"
                + CheckpointTrace.FormatTable(result.Trace.Tail(OutputTraceEvents), "  ").ReplaceLineEndings();
        }

        return Tuple.Create(outcome.Item1, output);
    }

    /// <inheritdoc/>
    protected override async Task<decimal> InvokeTestMethodAsync(ExceptionAggregator aggregator)
    {
        TestSettings settings = ((IAsyncTestCase)TestCase).Settings;
        string testName = TestMethodArguments is { Length: > 0 } ? Test.DisplayName : $"{TestClass.FullName}.{TestMethod.Name}";
        string? regressionFile = settings.RecordRegressions ? RegressionFile.FindDefaultPath(TestClass.Assembly) : null;
        string replayAttribute = TestMethod.GetCustomAttribute<AsyncTheoryAttribute>() is null ? "AsyncTest" : "AsyncTheory";
        TrioTestOptions options = settings.ToOptions(testName, regressionFile, replayAttribute);
        options.TestAssembly = TestClass.Assembly;
        var timer = new ExecutionTimer();
        await timer.AggregateAsync(async () =>
        {
            try
            {
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
        object? instance = TestMethod.IsStatic ? null : CreateInstance();
        var failures = new List<ExceptionDispatchInfo>();
        try
        {
            if (instance is IAsyncLifetime lifetime)
            {
                await CaptureAsync(failures, lifetime.InitializeAsync);
            }

            if (failures.Count == 0)
            {
                await RunBeforeAfterAndMethodAsync(instance, failures);
            }

            if (instance is IAsyncLifetime ending)
            {
                await CaptureAsync(failures, ending.DisposeAsync);
            }
        }
        finally
        {
            if (instance is IAsyncDisposable asyncDisposable)
            {
                await CaptureAsync(failures, () => asyncDisposable.DisposeAsync().AsTask());
            }
            else if (instance is IDisposable disposable)
            {
                await CaptureAsync(failures, () =>
                {
                    disposable.Dispose();
                    return Task.CompletedTask;
                });
            }
        }

        if (failures.Count == 1)
        {
            failures[0].Throw();
        }
        else if (failures.Count > 1)
        {
            throw new AggregateException(failures.Select(static f => f.SourceException));
        }
    }

    /// <summary>The before/after attributes around the method: each After runs for a Before that ran, whatever failed.</summary>
    private async Task RunBeforeAfterAndMethodAsync(object? instance, List<ExceptionDispatchInfo> failures)
    {
        int before = 0;
        try
        {
            for (; before < BeforeAfterAttributes.Count; before++)
            {
                BeforeAfterAttributes[before].Before(TestMethod);
            }

            await InvokeMethodAsync(instance);
        }
        catch (Exception e)
        {
            failures.Add(ExceptionDispatchInfo.Capture(e));
        }

        for (int i = before - 1; i >= 0; i--)
        {
            BeforeAfterTestAttribute attribute = BeforeAfterAttributes[i];
            await CaptureAsync(failures, () =>
            {
                attribute.After(TestMethod);
                return Task.CompletedTask;
            });
        }
    }

    /// <summary>Runs one stage and keeps its exception, if any, with its stack.</summary>
    private static async Task CaptureAsync(List<ExceptionDispatchInfo> failures, Func<Task> stage)
    {
        try
        {
            await stage();
        }
        catch (Exception e)
        {
            failures.Add(ExceptionDispatchInfo.Capture(e));
        }
    }

    /// <summary>Creates the test class with the arguments xunit resolved (fixtures, <c>ITestOutputHelper</c>).</summary>
    private object CreateInstance()
    {
        try
        {
            return Activator.CreateInstance(TestClass, ConstructorArguments)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }

    /// <summary>The error for a data row whose values do not match the method's parameters, instead of reflection's bare "Parameter count mismatch."</summary>
    private InvalidOperationException ArityMismatch()
    {
        ParameterInfo[] parameters = TestMethod.GetParameters();
        object?[] row = TestMethodArguments ?? [];
        string expected = string.Join(", ", parameters.Select(static p => $"{p.ParameterType.Name} {p.Name}"));
        string given = string.Join(", ", row.Select(static value => value?.ToString() ?? "null"));
        return new InvalidOperationException(
            $"[AsyncTheory] method {TestClass.Name}.{TestMethod.Name} takes {parameters.Length} parameter(s) ({expected}), but a data row gives {row.Length} value(s) ({given}): make every [InlineData] or [MemberData] row match the parameters.");
    }

    /// <summary>Calls the test method and awaits what it returns, rethrowing its own exception with its stack.</summary>
    private async Task InvokeMethodAsync(object? instance)
    {
        object? returned;
        try
        {
            returned = TestMethod.Invoke(instance, TestMethodArguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
        catch (TargetParameterCountException)
        {
            throw ArityMismatch();
        }

        switch (returned)
        {
            case Task task:
                await task;
                break;
            case ValueTask valueTask:
                await valueTask;
                break;
            case null:
                throw new InvalidOperationException($"{TestClass.Name}.{TestMethod.Name} returned a null Task: return the Task of its async work.");
            default:
                // ValueTask<T> boxed: AsTask through its public method keeps this free of generic reflection at each call site.
                await (Task)returned.GetType().GetMethod(nameof(ValueTask<int>.AsTask))!.Invoke(returned, null)!;
                break;
        }
    }
}
