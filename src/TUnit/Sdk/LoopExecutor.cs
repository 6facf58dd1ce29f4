using System.Reflection;
using System.Runtime.CompilerServices;
using TUnit.Core;
using TUnit.Core.Interfaces;

namespace TrioTest.TUnit.Sdk;

/// <summary>
/// TUnit's executor of an <c>[AsyncTest]</c>: each schedule runs the test's <c>[Before(Test)]</c> hooks (deferred to it by
/// <see cref="ExecuteBeforeTestHook"/>), the test method and the class's <c>[After(Test)]</c> methods on the loop, on the
/// instance and with the arguments TUnit made; the test fails with the report. Hooks of other levels run as TUnit runs them.
/// </summary>
/// <remarks>
/// TUnit runs after-test hooks once, after the test executor returns, so the class's after-test methods are found and
/// called here, in every schedule (measured on TUnit 1.86.0: for a test whose executor this attribute sets, TUnit did not
/// run them at all); <see cref="ExecuteAfterTestHook"/> skips the ones the schedules ran, should TUnit hand them over.
/// </remarks>
internal sealed class LoopExecutor : ITestExecutor, IHookExecutor
{
    /// <summary>The attribute's name, for messages and the report's replay line.</summary>
    private const string AttributeName = "AsyncTest";

    /// <summary>How many trace events go to the test output on failure.</summary>
    private const int OutputTraceEvents = 40;

    /// <summary>The before-test hooks TUnit handed over, per test, for the schedules to run.</summary>
    private readonly ConditionalWeakTable<TestContext, List<Func<ValueTask>>> _beforeTest = [];

    /// <summary>The values set on the attribute.</summary>
    private readonly AsyncTestSettings _settings;

    /// <summary>The test method, or <see langword="null"/> if reflection could not find it.</summary>
    private readonly MethodInfo? _method;

    /// <summary>Initializes a new instance of the <see cref="LoopExecutor"/> class.</summary>
    /// <param name="settings">The values set on the attribute.</param>
    /// <param name="method">The test method.</param>
    public LoopExecutor(AsyncTestSettings settings, MethodInfo? method)
    {
        _settings = settings;
        _method = method;
    }

    /// <inheritdoc/>
    public async ValueTask ExecuteTest(TestContext context, Func<ValueTask> action)
    {
        TestDetails details = context.Metadata.TestDetails;
        MethodInfo method = _method ?? throw new TrioTestConfigurationException($"[{AttributeName}] could not find {details.ClassType.Name}.{details.MethodName} by reflection; TrioTest runs TUnit tests in reflection-capable (JIT) processes only.");
        bool takesArguments = details.TestMethodArguments.Length > 0;
        if (TestAdapterSupport.CheckMethod(method, AttributeName, takesArguments, "[Arguments] or [MethodDataSource] rows", "[Test] without [AsyncTest]") is { } problem)
        {
            throw new TrioTestConfigurationException(problem);
        }

        TrioTestOptions options = TestAdapterSupport.CreateOptions(method, _settings, AttributeName, TestAdapterSupport.TestName(details.ClassType, method, details.TestMethodArguments));
        List<Func<ValueTask>> before = _beforeTest.TryGetValue(context, out List<Func<ValueTask>>? hooks) ? hooks : [];
        TrioTestResult result = await TrioTestRunner.RunAsync(
            async _ =>
            {
                foreach (Func<ValueTask> hook in before)
                {
                    await hook();
                }

                // The method itself, not TUnit's action: TUnit awaits the test's task with ConfigureAwait(false), which sends the
                // rest of the schedule to the thread pool at the body's first real await (measured on TUnit 1.86.0).
                var failures = new TestFailures();
                await failures.RunAsync(() => TestAdapterSupport.InvokeAsync(method, details.ClassInstance, details.TestMethodArguments));
                foreach (MethodInfo after in AfterTestMethods(details.ClassType))
                {
                    await failures.RunAsync(() => TestAdapterSupport.InvokeAsync(after, details.ClassInstance, HookArguments(after, context)));
                }

                failures.ThrowIfAny();
            },
            options,
            context.Execution.CancellationToken);
        if (!result.Passed)
        {
            context.Output.WriteLine(TestAdapterSupport.FormatTraceTail(result, OutputTraceEvents));
            throw new TrioTestFailedException(result);
        }
    }

    /// <inheritdoc/>
    /// <remarks>Deferred: each schedule runs it on the loop, just before the body.</remarks>
    public ValueTask ExecuteBeforeTestHook(MethodMetadata hookMethodInfo, TestContext context, Func<ValueTask> action)
    {
        _beforeTest.GetOrCreateValue(context).Add(action);
        return default;
    }

    /// <inheritdoc/>
    /// <remarks>TUnit calls it after the exploration: it runs once, on a loop of its own with a virtual clock.</remarks>
    public async ValueTask ExecuteAfterTestHook(MethodMetadata hookMethodInfo, TestContext context, Func<ValueTask> action)
    {
        if (AfterTestMethods(context.Metadata.TestDetails.ClassType).Any(m => m.Name == hookMethodInfo.Name))
        {
            return;
        }

        TrioTestResult result = await TrioTestRunner.RunAsync(
            async _ => await action(),
            new TrioTestOptions { TestName = $"{hookMethodInfo.Name} after {context.Metadata.TestDetails.TestName}", Shrink = false, GetEnvironmentVariable = static _ => null });
        if (!result.Passed)
        {
            throw new TrioTestFailedException(result);
        }
    }

    /// <summary>The <c>[After(Test)]</c> instance methods of the test class and its bases, derived class first.</summary>
    private static IEnumerable<MethodInfo> AfterTestMethods(Type type)
    {
        for (Type? level = type; level is not null && level != typeof(object); level = level.BaseType)
        {
            foreach (MethodInfo method in level.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (method.GetCustomAttribute<AfterAttribute>() is { HookType: HookType.Test })
                {
                    yield return method;
                }
            }
        }
    }

    /// <summary>The arguments of a hook method: TUnit passes the test's context and a cancellation token where it asks for them.</summary>
    private static object?[] HookArguments(MethodInfo hook, TestContext context) =>
        [.. hook.GetParameters().Select(p => p.ParameterType == typeof(TestContext) ? context : p.ParameterType == typeof(CancellationToken) ? (object)Trio.CancellationToken : null)];

    /// <inheritdoc/>
    public ValueTask ExecuteBeforeTestDiscoveryHook(MethodMetadata hookMethodInfo, BeforeTestDiscoveryContext context, Func<ValueTask> action) => action();

    /// <inheritdoc/>
    public ValueTask ExecuteBeforeTestSessionHook(MethodMetadata hookMethodInfo, TestSessionContext context, Func<ValueTask> action) => action();

    /// <inheritdoc/>
    public ValueTask ExecuteBeforeAssemblyHook(MethodMetadata hookMethodInfo, AssemblyHookContext context, Func<ValueTask> action) => action();

    /// <inheritdoc/>
    public ValueTask ExecuteBeforeClassHook(MethodMetadata hookMethodInfo, ClassHookContext context, Func<ValueTask> action) => action();

    /// <inheritdoc/>
    public ValueTask ExecuteAfterTestDiscoveryHook(MethodMetadata hookMethodInfo, TestDiscoveryContext context, Func<ValueTask> action) => action();

    /// <inheritdoc/>
    public ValueTask ExecuteAfterTestSessionHook(MethodMetadata hookMethodInfo, TestSessionContext context, Func<ValueTask> action) => action();

    /// <inheritdoc/>
    public ValueTask ExecuteAfterAssemblyHook(MethodMetadata hookMethodInfo, AssemblyHookContext context, Func<ValueTask> action) => action();

    /// <inheritdoc/>
    public ValueTask ExecuteAfterClassHook(MethodMetadata hookMethodInfo, ClassHookContext context, Func<ValueTask> action) => action();
}
