using System.Reflection;
using TrioTest.TUnit.Sdk;
using TUnit.Core;
using TUnit.Core.Interfaces;

namespace TrioTest.TUnit;

/// <summary>
/// Runs a TUnit test on TrioTest's deterministic loop: write it beside <c>[Test]</c>, with or without
/// <c>[Arguments]</c> and <c>[MethodDataSource]</c> rows. Each schedule runs the test's <c>[Before(Test)]</c> hooks, the
/// body and the class's <c>[After(Test)]</c> methods on the loop under a virtual clock that autojumps; which ready task
/// runs next is chosen by a seed that every failure prints. It sets the test's executor (and hook executor), so it takes
/// the place of <c>[TestExecutor]</c>.
/// </summary>
/// <remarks>
/// TUnit creates one test class instance per test (and disposes it after): every schedule uses that instance.
/// </remarks>
/// <example>
/// <code>
/// [Test, AsyncTest(Iterations = 500)]
/// public async Task Transfers_keep_the_total()
/// {
///     await Nursery.RunAsync(async nursery => { /* ... */ });
/// }
///
/// [Test, AsyncTest(Seed = "0x9E3779B97F4A7C15")]   // pasted from a failure report: replays that schedule
/// public async Task Transfers_keep_the_total_replayed() { /* ... */ }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class AsyncTestAttribute : Attribute, ITestRegisteredEventReceiver, IScopedAttribute
{
    /// <summary>The values set on this attribute; the rest come from the assembly's defaults, then TrioTest's.</summary>
    private readonly AsyncTestSettings _settings = new();

    /// <summary>Gets or sets the seed of the one schedule to run, as a failure report prints it (<c>"0x9E3779B97F4A7C15"</c>); unset explores. A seed runs exactly that schedule, whatever <see cref="Iterations"/> says.</summary>
    public string? Seed
    {
        get => _settings.Seed;
        set => _settings.Seed = value;
    }

    /// <summary>Gets or sets how many schedules to explore when no seed is given; 1 by default, at least 1. <c>TRIOTEST_ITERATIONS</c> raises it for every test.</summary>
    public int Iterations
    {
        get => _settings.Iterations;
        set => _settings.Iterations = value;
    }

    /// <summary>Gets or sets how each schedule orders ready tasks; <see cref="ExplorationStrategy.Random"/> by default.</summary>
    public ExplorationStrategy Strategy
    {
        get => _settings.Strategy;
        set => _settings.Strategy = value;
    }

    /// <summary>Gets or sets the bug depth <see cref="ExplorationStrategy.Pct"/> targets; 3 by default, at least 1.</summary>
    public int PctDepth
    {
        get => _settings.PctDepth;
        set => _settings.PctDepth = value;
    }

    /// <summary>Gets or sets the real idle time, in milliseconds, before virtual time jumps to the next deadline; 0 (at once) by default.</summary>
    public double AutojumpThreshold
    {
        get => _settings.AutojumpThreshold;
        set => _settings.AutojumpThreshold = value;
    }

    /// <summary>Gets or sets the virtual time, in milliseconds, after which a schedule fails (a timer that ticks forever); one day by default.</summary>
    public double VirtualTimeLimit
    {
        get => _settings.VirtualTimeLimit;
        set => _settings.VirtualTimeLimit = value;
    }

    /// <summary>Gets or sets the real-time watchdog, in milliseconds, for the whole test (every schedule together); 0 means five minutes.</summary>
    public int Timeout
    {
        get => _settings.Timeout;
        set => _settings.Timeout = value;
    }

    /// <summary>
    /// Gets or sets how long, in milliseconds of real time, one step may hold the loop (a <c>.Result</c>, a <c>.Wait()</c>,
    /// a spin with no checkpoint) before the test fails naming the task; 0 means one second, -1 no limit.
    /// </summary>
    public int BlockedLoopTimeout
    {
        get => _settings.BlockedLoopTimeout;
        set => _settings.BlockedLoopTimeout = value;
    }

    /// <summary>Gets or sets how many steps one schedule may take before it fails with its seed and a report; 0 means ten million, -1 no limit.</summary>
    public long StepLimit
    {
        get => _settings.StepLimit;
        set => _settings.StepLimit = value;
    }

    /// <summary>Gets or sets how many of a schedule's most recent trace events are kept (older ones are dropped, so memory stays bounded); 0 means 100,000.</summary>
    public int TraceWindow
    {
        get => _settings.TraceWindow;
        set => _settings.TraceWindow = value;
    }

    /// <summary>Gets or sets a value indicating whether a failing schedule is shrunk to its fewest deviations from FIFO order, shown in the report with the value that replays it; <see langword="true"/> by default.</summary>
    public bool Shrink
    {
        get => _settings.Shrink;
        set => _settings.Shrink = value;
    }

    /// <summary>Gets or sets a value indicating whether code that leaves the loop (a real timer, <c>Task.Run</c>, real I/O) fails the test with its cause and fix; <see langword="true"/> by default.</summary>
    public bool Strict
    {
        get => _settings.Strict;
        set => _settings.Strict = value;
    }

    /// <inheritdoc/>
    public int Order => 0;

    /// <inheritdoc/>
    /// <remarks>One executor runs a test: this attribute's replaces a <c>[TestExecutor]</c> of the class or assembly.</remarks>
    public Type ScopeType => typeof(ITestExecutor);

    /// <summary>Makes TrioTest the test's executor and hook executor, once TUnit has registered the test.</summary>
    /// <param name="context">TUnit's context of the registered test.</param>
    /// <returns>A completed task.</returns>
    public ValueTask OnTestRegistered(TestRegisteredContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var executor = new LoopExecutor(_settings, MethodOf(context.TestDetails));
        context.SetTestExecutor(executor);
        context.SetHookExecutor(executor);
        return default;
    }

    /// <summary>The test method, found by name and parameter count on the test class (TUnit's metadata is generated, not reflected).</summary>
    private static MethodInfo? MethodOf(TestDetails details) =>
        details.ClassType.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            .FirstOrDefault(m => m.Name == details.MethodName && m.GetParameters().Length == details.MethodMetadata.Parameters.Length);
}
