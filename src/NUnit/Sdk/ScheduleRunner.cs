using System.Reflection;
using System.Runtime.ExceptionServices;
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
        object? instance = FreshInstances ? CreateInstance() : _sharedInstance;
        _context.TestObject = instance;
        Exception? failure = await CaptureAsync(() => RunLevelAsync(instance, 0));
        if (FreshInstances)
        {
            failure = Combine(failure, await CaptureAsync(() => DisposeAsync(instance)));
        }

        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        CheckAssertions(result, failuresBefore, scopesBefore);
    }

    /// <summary>Disposes a fixture instance, asynchronously if it can.</summary>
    /// <param name="instance">The instance, or <see langword="null"/>.</param>
    /// <returns>A task that completes when it is disposed.</returns>
    public static async Task DisposeAsync(object? instance)
    {
        if (instance is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else if (instance is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }

    /// <summary>Runs the set-ups of level <paramref name="index"/>, everything inside it, then its tear-downs, keeping every failure.</summary>
    private async Task RunLevelAsync(object? instance, int index)
    {
        if (index == _levels.Count)
        {
            await RunActionsAndBodyAsync(instance);
            return;
        }

        SetUpLevel level = _levels[index];
        Exception? failure = await CaptureAsync(async () =>
        {
            foreach (MethodInfo setUp in level.SetUps)
            {
                await TestAdapterSupport.InvokeAsync(setUp, instance, null);
            }

            await RunLevelAsync(instance, index + 1);
        });
        for (int i = level.TearDowns.Count - 1; i >= 0; i--)
        {
            MethodInfo tearDown = level.TearDowns[i];
            failure = Combine(failure, await CaptureAsync(() => TestAdapterSupport.InvokeAsync(tearDown, instance, null)));
        }

        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    /// <summary>Runs the method's test actions around the body, and checks the expected result.</summary>
    private async Task RunActionsAndBodyAsync(object? instance)
    {
        int started = 0;
        Exception? failure = await CaptureAsync(async () =>
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
            failure = Combine(failure, await CaptureAsync(() =>
            {
                action.AfterTest(_test);
                return Task.CompletedTask;
            }));
        }

        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
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

    /// <summary>Creates this schedule's fixture with the fixture's arguments, rethrowing a constructor's own exception.</summary>
    private object? CreateInstance()
    {
        try
        {
            return Activator.CreateInstance(_test.TypeInfo!.Type, FixtureOf(_test)?.Arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }

    /// <summary>Gets the fixture that holds the test, past a parameterized method's suite.</summary>
    private static TestFixture? FixtureOf(TestMethod test) => test.Parent as TestFixture ?? test.Parent?.Parent as TestFixture;

    /// <summary>Runs <paramref name="action"/> and returns what it threw, if anything.</summary>
    private static async Task<Exception?> CaptureAsync(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    /// <summary>Keeps every failure of a schedule: the first alone, or both when a tear-down fails after the body did.</summary>
    private static Exception? Combine(Exception? first, Exception? next) =>
        first is null ? next : next is null ? first : new AggregateException(first, next);
}
