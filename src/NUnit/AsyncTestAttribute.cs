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
public sealed class AsyncTestAttribute : NUnitAttribute, ISimpleTestBuilder, IWrapSetUpTearDown, IImplyFixture
{
    /// <summary>The name of the test property that holds the running (and, afterwards, the last or failing) schedule's seed.</summary>
    public const string SeedProperty = "TrioTest.Seed";

    /// <summary>
    /// The settings of the tests this attribute built, so a test carries the settings of the attribute instance that made
    /// it (as NUnit's test parameters carry <c>ExpectedResult</c>) even when NUnit wraps it through another instance.
    /// </summary>
    private static readonly ConditionalWeakTable<TestMethod, TestSettings> s_builtSettings = [];

    /// <summary>The expected result, when <see cref="_hasExpectedResult"/> is set.</summary>
    private object? _expectedResult;

    /// <summary>Whether <see cref="ExpectedResult"/> was set (it may be set to <see langword="null"/>).</summary>
    private bool _hasExpectedResult;

    /// <summary>Gets the values set on this attribute, for the builder.</summary>
    internal AttributeSettings Values { get; } = new();

    /// <summary>Gets or sets the seed of the one schedule to run, as a failure report prints it (<c>"0x9E3779B97F4A7C15"</c>); unset explores. A seed runs exactly that schedule, whatever <see cref="Iterations"/> says.</summary>
    public string? Seed
    {
        get => Values.Seed;
        set => Values.Seed = value;
    }

    /// <summary>Gets or sets how many schedules to explore when no seed is given; 1 by default, at least 1. <c>TRIOTEST_ITERATIONS</c> raises it for every test.</summary>
    public int Iterations
    {
        get => Values.Iterations ?? 1;
        set => Values.Iterations = value;
    }

    /// <summary>Gets or sets how each schedule orders ready tasks; <see cref="ExplorationStrategy.Random"/> by default.</summary>
    public ExplorationStrategy Strategy
    {
        get => Values.Strategy ?? ExplorationStrategy.Random;
        set => Values.Strategy = value;
    }

    /// <summary>Gets or sets the bug depth <see cref="ExplorationStrategy.Pct"/> targets; 3 by default, at least 1.</summary>
    public int PctDepth
    {
        get => Values.PctDepth ?? 3;
        set => Values.PctDepth = value;
    }

    /// <summary>Gets or sets the real idle time, in milliseconds, before virtual time jumps to the next deadline; 0 (at once) by default.</summary>
    public double AutojumpThreshold
    {
        get => Values.AutojumpThreshold ?? 0;
        set => Values.AutojumpThreshold = value;
    }

    /// <summary>Gets or sets the virtual time, in milliseconds, after which a schedule fails (a timer that ticks forever); one day by default.</summary>
    public double VirtualTimeLimit
    {
        get => Values.VirtualTimeLimit ?? TimeSpan.FromDays(1).TotalMilliseconds;
        set => Values.VirtualTimeLimit = value;
    }

    /// <summary>Gets or sets the real-time watchdog, in milliseconds, for the whole test (every schedule together); 0 means five minutes.</summary>
    public int Timeout
    {
        get => Values.Timeout ?? 0;
        set => Values.Timeout = value;
    }

    /// <summary>
    /// Gets or sets how long, in milliseconds of real time, one step may hold the loop (a <c>.Result</c>, a <c>.Wait()</c>,
    /// a spin with no checkpoint) before the test fails naming the task; 0 means one second, -1 no limit.
    /// </summary>
    public int BlockedLoopTimeout
    {
        get => Values.BlockedLoopTimeout ?? 0;
        set => Values.BlockedLoopTimeout = value;
    }

    /// <summary>
    /// Gets or sets how many steps one schedule may take before it fails with its seed and a report (a loop that
    /// checkpoints forever, a timer that ticks far below the virtual-time limit); 0 means ten million, -1 no limit.
    /// </summary>
    public long StepLimit
    {
        get => Values.StepLimit ?? 0;
        set => Values.StepLimit = value;
    }

    /// <summary>Gets or sets how many of a schedule's most recent trace events are kept (older ones are dropped, so memory stays bounded); 0 means 100,000.</summary>
    public int TraceWindow
    {
        get => Values.TraceWindow ?? 0;
        set => Values.TraceWindow = value;
    }

    /// <summary>
    /// Gets or sets a value indicating whether a failing schedule is shrunk to its fewest deviations from FIFO order, shown
    /// in the report with the value that replays it; <see langword="true"/> by default. Only a failing test pays for it.
    /// </summary>
    public bool Shrink
    {
        get => Values.Shrink ?? true;
        set => Values.Shrink = value;
    }

    /// <summary>Gets or sets a value indicating whether code that leaves the loop (a real timer, <c>Task.Run</c>, real I/O) fails the test with its cause and fix; <see langword="true"/> by default.</summary>
    public bool Strict
    {
        get => Values.Strict ?? true;
        set => Values.Strict = value;
    }

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
        if (TestMethodCheck.Resolve(test, this, out string? error) is { } settings)
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

        if (s_builtSettings.TryGetValue(test, out TestSettings? built))
        {
            return new AsyncTestCommand(test, built);
        }

        // A [TestCase] or [TestCaseSource] case: NUnit built it, so resolve the settings from this attribute now.
        TestSettings? settings = TestMethodCheck.Resolve(test, this, out string? error);
        return settings is null ? new InvalidTestCommand(test, error!) : new AsyncTestCommand(test, settings);
    }
}
