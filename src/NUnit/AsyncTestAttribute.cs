using System.Runtime.CompilerServices;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Builders;
using NUnit.Framework.Internal.Commands;
using TrioTest.NUnit.Sdk;

namespace TrioTest.NUnit;

/// <summary>
/// Marks an async test that runs on TrioTest's deterministic loop: write it where you wrote <c>[Test]</c>, alone or with
/// <c>[TestCase]</c> and <c>[TestCaseSource]</c>. Each schedule runs the <c>[SetUp]</c> methods, the body and the
/// <c>[TearDown]</c> methods on the loop under a virtual clock that autojumps; which ready task runs next is chosen by
/// a seed that every failure prints.
/// </summary>
/// <remarks>
/// <para>An exploration is one NUnit result: it passes when every schedule passed, and a failure's message is the
/// report of the first failing schedule, with the line that replays it. While a schedule runs, the test's property
/// <see cref="SeedProperty"/> holds its seed.</para>
/// <para>Under <c>[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]</c> each schedule constructs (and disposes) a fresh
/// fixture on the loop; under NUnit's default single instance every schedule uses the fixture NUnit made, whose
/// <c>[OneTimeSetUp]</c> state tests rely on.</para>
/// </remarks>
/// <example>
/// <code>
/// [AsyncTest(Iterations = 500)]
/// public async Task Transfers_keep_the_total()
/// {
///     await Nursery.RunAsync(async nursery => { /* ... */ });
/// }
///
/// [AsyncTest(Seed = "0x9E3779B97F4A7C15")]   // pasted from a failure report: replays that schedule
/// public async Task Transfers_keep_the_total_replayed() { /* ... */ }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed partial class AsyncTestAttribute : NUnitAttribute, ISimpleTestBuilder, IWrapSetUpTearDown, IImplyFixture
{
    /// <summary>The name of the test property that holds the running (and, afterwards, the last or failing) schedule's seed.</summary>
    public const string SeedProperty = "TrioTest.Seed";

    /// <summary>
    /// The settings of the tests this attribute built, so a test carries the settings of the attribute instance that made
    /// it (as NUnit's test parameters carry <c>ExpectedResult</c>) even when NUnit wraps it through another instance.
    /// </summary>
    private static readonly ConditionalWeakTable<TestMethod, AsyncTestSettings> s_builtSettings = [];

    /// <summary>The expected result, when <see cref="_hasExpectedResult"/> is set.</summary>
    private object? _expectedResult;

    /// <summary>Whether <see cref="ExpectedResult"/> was set (it may be set to <see langword="null"/>).</summary>
    private bool _hasExpectedResult;

    /// <summary>Gets the values set on this attribute, for the builder; the generated properties (<see cref="AsyncTestSettings"/>'s) set them.</summary>
    internal AsyncTestSettings Settings { get; } = new();

    /// <summary>Gets or sets the value a parameterless test's <c>Task&lt;T&gt;</c> must produce in every schedule, as <c>[Test(ExpectedResult = ...)]</c> does; with <c>[TestCase]</c>, set it on each case instead.</summary>
    public object? ExpectedResult
    {
        get => _expectedResult;
        set
        {
            _expectedResult = value;
            _hasExpectedResult = true;
        }
    }

    /// <summary>Gets a value indicating whether <see cref="ExpectedResult"/> was set.</summary>
    internal bool HasExpectedResult => _hasExpectedResult;

    /// <summary>Builds the test of a method without <c>[TestCase]</c> data, or an invalid test that says what to change.</summary>
    /// <param name="method">The test method.</param>
    /// <param name="suite">The fixture that holds it.</param>
    /// <returns>The test.</returns>
    public TestMethod BuildFrom(IMethodInfo method, Test? suite)
    {
        // Named as a plain [Test] is: with parameters and no name, NUnit would add "()".
        TestCaseParameters? parameters = _hasExpectedResult ? new TestCaseParameters { ExpectedResult = _expectedResult, TestName = method.Name } : null;
        TestMethod test = new NUnitTestCaseBuilder().BuildTestMethod(method, suite, parameters);
        if (TestMethodCheck.Resolve(test, this, hasData: false, out string? error) is { } settings)
        {
            s_builtSettings.AddOrUpdate(test, settings);
        }
        else
        {
            // Ours replaces NUnit's own reason, if any: it names TrioTest's requirement and the fix.
            test.RunState = RunState.NotRunnable;
            test.Properties.Set(PropertyNames.SkipReason, error!);
        }

        return test;
    }

    /// <summary>Replaces NUnit's set-up, body and tear-down commands with one that runs them on TrioTest's loop, schedule after schedule.</summary>
    /// <param name="command">NUnit's command for the test.</param>
    /// <returns>The command that runs the exploration, or one that fails the test with what to change.</returns>
    public TestCommand Wrap(TestCommand command)
    {
        if (command.Test is not TestMethod test)
        {
            return command;
        }

        if (s_builtSettings.TryGetValue(test, out AsyncTestSettings? built))
        {
            return new AsyncTestCommand(test, built);
        }

        // A [TestCase] or [TestCaseSource] case: NUnit built it, so resolve the settings from this attribute now.
        AsyncTestSettings? settings = TestMethodCheck.Resolve(test, this, hasData: true, out string? error);
        return settings is null ? new InvalidTestCommand(test, error!) : new AsyncTestCommand(test, settings);
    }
}
