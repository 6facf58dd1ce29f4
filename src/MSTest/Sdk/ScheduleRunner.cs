using System.Reflection;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace TrioTest.MSTest.Sdk;

/// <summary>
/// One schedule of an <c>[AsyncTestMethod]</c> on the loop: a fresh test class instance (given MSTest's
/// <see cref="TestContext"/> through its constructor or its <c>TestContext</c> property), the <c>[TestInitialize]</c>
/// methods base class first, the body, the <c>[TestCleanup]</c> methods derived class first, then <c>DisposeAsync</c> or
/// <c>Dispose</c>. Every stage that runs gets to fail: a body's exception and a clean-up's both reach the report.
/// </summary>
/// <remarks>
/// The adapter runs these itself because MSTest's own <see cref="ITestMethod.InvokeAsync"/> cannot run on the loop:
/// it awaits the set-up and the body with <c>ConfigureAwait(false)</c>, so as soon as either awaits TrioTest (a sleep,
/// a checkpoint) MSTest's continuation, and the clean-up after it, goes to the thread pool, which TrioTest's strict mode
/// fails as an escape (measured with MSTest 4.5.3; see the adapter's README).
/// </remarks>
internal sealed class ScheduleRunner
{
    /// <summary>The test method.</summary>
    private readonly MethodInfo _method;

    /// <summary>The test class (the class MSTest found the method on).</summary>
    private readonly Type _class;

    /// <summary>The data row (empty for a plain test).</summary>
    private readonly object?[] _row;

    /// <summary>MSTest's context of the test, or <see langword="null"/> if this MSTest does not expose it.</summary>
    private readonly TestContext? _context;

    /// <summary>Initializes a new instance of the <see cref="ScheduleRunner"/> class.</summary>
    /// <param name="testMethod">MSTest's test method.</param>
    /// <param name="context">MSTest's context of the test, if known.</param>
    public ScheduleRunner(ITestMethod testMethod, TestContext? context)
    {
        _method = testMethod.MethodInfo;
        _class = _method.ReflectedType ?? _method.DeclaringType!;
        _row = testMethod.Arguments ?? [];
        _context = context;
    }

    /// <summary>Runs one schedule; the harness calls this on the loop.</summary>
    /// <param name="schedule">The schedule's context.</param>
    /// <returns>A task that completes when the schedule's code has finished.</returns>
    public async Task RunAsync(TrioTestContext schedule)
    {
        var failures = new TestFailures();
        object? instance = _method.IsStatic ? null : CreateInstance();
        List<MethodInfo> cleanups = [];
        await failures.RunAsync(async () =>
        {
            foreach (Type level in Hierarchy().Reverse())
            {
                // A level's clean-up runs once its initialize has run (or it has none), as in MSTest.
                cleanups.AddRange(Declared<TestCleanupAttribute>(level));
                foreach (MethodInfo initialize in Declared<TestInitializeAttribute>(level))
                {
                    await TestAdapterSupport.InvokeAsync(initialize, instance, null);
                }
            }

            await TestAdapterSupport.InvokeAsync(_method, instance, _row);
        });
        for (int i = cleanups.Count - 1; i >= 0; i--)
        {
            MethodInfo cleanup = cleanups[i];
            await failures.RunAsync(() => TestAdapterSupport.InvokeAsync(cleanup, instance, null));
        }

        await failures.RunAsync(() => TestAdapterSupport.DisposeAsync(instance));
        failures.ThrowIfAny();
    }

    /// <summary>Creates the test class, giving it MSTest's context as MSTest does (through its constructor, or its <c>TestContext</c> property).</summary>
    private object CreateInstance()
    {
        object instance = TestAdapterSupport.CreateInstance(_class, _class.GetConstructor([typeof(TestContext)]) is null ? null : [_context]);
        if (_context is not null && _class.GetProperty(nameof(TestContext)) is { CanWrite: true } property && property.PropertyType == typeof(TestContext))
        {
            property.SetValue(instance, _context);
        }

        return instance;
    }

    /// <summary>The test class and its base classes, derived first.</summary>
    private IEnumerable<Type> Hierarchy()
    {
        for (Type? type = _class; type is not null && type != typeof(object); type = type.BaseType)
        {
            yield return type;
        }
    }

    /// <summary>The instance methods <paramref name="level"/> itself declares with attribute <typeparamref name="TAttribute"/>.</summary>
    private static IEnumerable<MethodInfo> Declared<TAttribute>(Type level)
        where TAttribute : Attribute =>
        level.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly).Where(static m => m.IsDefined(typeof(TAttribute), inherit: false));
}
