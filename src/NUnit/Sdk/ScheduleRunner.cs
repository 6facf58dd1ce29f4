using System.Reflection;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace TrioTest.NUnit.Sdk;

/// <summary>
/// Runs one schedule of an <c>[AsyncTest]</c> on the loop: the fixture instance (a fresh one under
/// <c>LifeCycle.InstancePerTestCase</c>), the <c>[SetUp]</c> levels, the method's own test actions, the body with its
/// arguments and trailing <c>CancellationToken</c>, the <c>ExpectedResult</c> check, the tear-downs, and the
/// <c>Assert.Multiple</c> checks NUnit's method command would have made.
/// </summary>
internal sealed class ScheduleRunner
{
    /// <summary>The test.</summary>
    private readonly TestMethod _test;

    /// <summary>NUnit's execution context of the test; it flows onto the loop, so <c>TestContext</c> and asserts work there.</summary>
    private readonly TestExecutionContext _context;

    /// <summary>The set-up levels, base class first.</summary>
    private readonly IReadOnlyList<SetUpLevel> _levels;

    /// <summary>The method's own <c>ITestAction</c> attributes that target the test; they run inside set-up, as in NUnit.</summary>
    private readonly ITestAction[] _actions;

    /// <summary>The instance NUnit made; every schedule uses it unless <see cref="FreshInstances"/>.</summary>
    private readonly object? _sharedInstance;

    /// <summary>Whether the body's awaitable has a result to compare with the expected one.</summary>
    private readonly bool _hasExpectedResult;

    /// <summary>The expected result, when <see cref="_hasExpectedResult"/>.</summary>
    private readonly object? _expectedResult;

    /// <summary>Initializes a new instance of the <see cref="ScheduleRunner"/> class.</summary>
    /// <param name="test">The test.</param>
    /// <param name="context">NUnit's execution context of the test.</param>
    public ScheduleRunner(TestMethod test, TestExecutionContext context)
    {
        _test = test;
        _context = context;
        _levels = SetUpLevel.For(test);
        _actions = [.. test.Method.GetCustomAttributes<ITestAction>(inherit: false).Where(static a => a.Targets is ActionTargets.Default || a.Targets.HasFlag(ActionTargets.Test))];
        _sharedInstance = context.TestObject;
        FreshInstances = !test.Method.IsStatic && test.TypeInfo is { IsStaticClass: false } && FixtureOf(test) is { LifeCycle: LifeCycle.InstancePerTestCase };

        // NUnit only lets a Task<T> test run when a result is expected, so the result type tells whether there is one
        // (the expected value may itself be null); TestAdapter is NUnit's public view of it.
        Type returns = test.Method.MethodInfo.ReturnType;
        _hasExpectedResult = returns.IsGenericType && returns.GetGenericTypeDefinition() is var generic && (generic == typeof(Task<>) || generic == typeof(ValueTask<>));
        _expectedResult = _hasExpectedResult ? new TestContext.TestAdapter(test).ExpectedResult : null;
    }

    /// <summary>Gets a value indicating whether each schedule constructs its own fixture instance.</summary>
    public bool FreshInstances { get; }

    /// <summary>Runs one schedule; the harness calls this on the loop.</summary>
    /// <param name="schedule">The schedule's context.</param>
    /// <returns>A task that completes when the schedule's code has finished.</returns>
    public async Task RunAsync(TrioTestContext schedule)
    {
        _test.Properties.Set(AsyncTestAttribute.SeedProperty, schedule.Seed.ToString());
        TestResult result = _context.CurrentResult;
        int failuresBefore = result.PendingFailures;
        int scopesBefore = AssertionScopes.Count(_context);
        object? instance = FreshInstances ? TestAdapterSupport.CreateInstance(_test.TypeInfo!.Type, FixtureOf(_test)?.Arguments) : _sharedInstance;
        _context.TestObject = instance;
        var failures = new TestFailures();
        await RunLevelAsync(instance, 0, failures);
        if (FreshInstances)
        {
            await failures.RunAsync(() => TestAdapterSupport.DisposeAsync(instance));
        }

        failures.ThrowIfAny();
        CheckAssertions(result, failuresBefore, scopesBefore);
    }

    /// <summary>Runs the set-ups of level <paramref name="index"/>, everything inside it if they passed, then its tear-downs, keeping every failure.</summary>
    private async Task RunLevelAsync(object? instance, int index, TestFailures failures)
    {
        if (index == _levels.Count)
        {
            await RunActionsAndBodyAsync(instance, failures);
            return;
        }

        SetUpLevel level = _levels[index];
        int before = failures.Count;
        await failures.RunAsync(async () =>
        {
            foreach (MethodInfo setUp in level.SetUps)
            {
                await TestAdapterSupport.InvokeAsync(setUp, instance, null);
            }
        });
        if (failures.Count == before)
        {
            await RunLevelAsync(instance, index + 1, failures);
        }

        for (int i = level.TearDowns.Count - 1; i >= 0; i--)
        {
            MethodInfo tearDown = level.TearDowns[i];
            await failures.RunAsync(() => TestAdapterSupport.InvokeAsync(tearDown, instance, null));
        }
    }

    /// <summary>Runs the method's test actions around the body, and checks the expected result.</summary>
    private async Task RunActionsAndBodyAsync(object? instance, TestFailures failures)
    {
        int started = 0;
        await failures.RunAsync(async () =>
        {
            while (started < _actions.Length)
            {
                _actions[started++].BeforeTest(_test);
            }

            object? actual = await TestAdapterSupport.InvokeAsync(_test.Method.MethodInfo, instance, _test.Arguments);
            if (_hasExpectedResult)
            {
                Assert.That(actual, Is.EqualTo(_expectedResult), default(NUnitString), "result", "Is.EqualTo(ExpectedResult)");
            }
        });
        for (int i = started - 1; i >= 0; i--)
        {
            ITestAction action = _actions[i];
            failures.Run(() => action.AfterTest(_test));
        }
    }

    /// <summary>Fails the schedule as NUnit's method command fails a test: on an open multiple-assert scope, or on failures recorded without throwing.</summary>
    private void CheckAssertions(TestResult result, int failuresBefore, int scopesBefore)
    {
        if (AssertionScopes.Count(_context) is int scopes && scopes > scopesBefore)
        {
            throw new InvalidOperationException(
                $"The test finished with {scopes - scopesBefore} Assert.EnterMultipleScope() scope(s) still open: dispose each one ('using var scope = Assert.EnterMultipleScope();') so its failures are reported.");
        }

        if (result.PendingFailures > failuresBefore)
        {
            // Failures caught inside the test (or left in a scope) still fail it in NUnit; here they fail the schedule, with its seed.
            IEnumerable<string> messages = result.AssertionResults.Where(static a => a.Status == AssertionStatus.Failed).Skip(failuresBefore).Select(static a => a.Message);
            throw new AssertionException(string.Join(Environment.NewLine, messages));
        }
    }

    /// <summary>Gets the fixture that holds the test, past a parameterized method's suite.</summary>
    private static TestFixture? FixtureOf(TestMethod test) => test.Parent as TestFixture ?? test.Parent?.Parent as TestFixture;
}
