using System.Runtime.CompilerServices;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TrioTest.MSTest.Sdk;

namespace TrioTest.MSTest;

/// <summary>
/// Marks an async test method that runs on TrioTest's deterministic loop: write it where you wrote <c>[TestMethod]</c>,
/// alone or with <c>[DataRow]</c> and <c>[DynamicData]</c>. Each schedule constructs the test class and runs its
/// <c>[TestInitialize]</c> methods, the body, its <c>[TestCleanup]</c> methods and <c>Dispose</c> on the loop under a
/// virtual clock that autojumps; which ready task runs next is chosen by a seed that every failure prints.
/// </summary>
/// <remarks>
/// <para>An exploration is one MSTest result: it passes when every schedule passed, and a failure's message is the report
/// of the first failing schedule, with the line that replays it. <c>[ClassInitialize]</c> and <c>[AssemblyInitialize]</c>
/// run once, on MSTest's thread, as usual.</para>
/// <para>MSTest's <c>[Timeout]</c> runs the method on a thread of its own, off the loop: the adapter fails such a test
/// with a sentence that says to use <see cref="Timeout"/> instead.</para>
/// </remarks>
/// <example>
/// <code>
/// [AsyncTestMethod(Iterations = 500)]
/// public async Task Transfers_keep_the_total()
/// {
///     await Nursery.RunAsync(async nursery => { /* ... */ });
/// }
///
/// [AsyncTestMethod(Seed = "0x9E3779B97F4A7C15")]   // pasted from a failure report: replays that schedule
/// public async Task Transfers_keep_the_total_replayed() { /* ... */ }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public class AsyncTestMethodAttribute : TestMethodAttribute
{
    /// <summary>The values set on this attribute; the rest come from the assembly's defaults, then TrioTest's.</summary>
    private readonly AsyncTestSettings _settings = new();

    /// <summary>Initializes a new instance of the <see cref="AsyncTestMethodAttribute"/> class.</summary>
    /// <param name="callerFilePath">The file that declares the attribute; the compiler fills it in.</param>
    /// <param name="callerLineNumber">The line that declares the attribute; the compiler fills it in.</param>
    public AsyncTestMethodAttribute([CallerFilePath] string callerFilePath = "", [CallerLineNumber] int callerLineNumber = -1)
        : base(callerFilePath, callerLineNumber)
    {
    }

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

    /// <summary>Runs the test's exploration on TrioTest's loop and reports it as one result.</summary>
    /// <param name="testMethod">The test method (one data row of it, for a data-driven test).</param>
    /// <returns>One result: passed, or the failing schedule's report.</returns>
    public override async Task<TestResult[]> ExecuteAsync(ITestMethod testMethod) =>
        [await ExplorationRunner.RunAsync(testMethod, _settings)];
}
