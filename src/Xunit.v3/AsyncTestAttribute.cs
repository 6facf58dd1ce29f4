using System.Runtime.CompilerServices;
using TrioTest.Xunit.v3.Sdk;
using Xunit;
using Xunit.v3;

namespace TrioTest.Xunit.v3;

/// <summary>
/// Marks an async test that runs on TrioTest's deterministic loop: write it where you wrote <c>[Fact]</c>. For each
/// schedule xunit v3 creates the test class (with its fixtures and <c>ITestOutputHelper</c>), runs
/// <c>IAsyncLifetime.InitializeAsync</c>, the before/after attributes, the body, <c>DisposeAsync</c> and <c>Dispose</c>,
/// all on the loop under a virtual clock that autojumps; which ready task runs next is chosen by a seed that every
/// failure prints.
/// </summary>
/// <remarks>
/// xunit's own <c>Timeout</c> (milliseconds of real time) becomes TrioTest's watchdog for the whole test, every schedule
/// together (xunit would otherwise run the test on a thread-pool task, off the loop). Class, collection and assembly
/// fixtures are created once by xunit and shared, as usual.
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
[XunitTestCaseDiscoverer(typeof(AsyncTestDiscoverer))]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public class AsyncTestAttribute : FactAttribute
{
    /// <summary>Initializes a new instance of the <see cref="AsyncTestAttribute"/> class.</summary>
    /// <param name="sourceFilePath">The file that declares the test; the compiler fills it in.</param>
    /// <param name="sourceLineNumber">The line that declares the test; the compiler fills it in.</param>
    public AsyncTestAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
    }

    /// <summary>Gets the values set on this attribute, for the discoverer; the rest come from the assembly's defaults, then TrioTest's.</summary>
    internal AsyncTestSettings Settings { get; } = new();

    /// <summary>Gets or sets the seed of the one schedule to run, as a failure report prints it (<c>"0x9E3779B97F4A7C15"</c>); unset explores. A seed runs exactly that schedule, whatever <see cref="Iterations"/> says.</summary>
    public string? Seed
    {
        get => Settings.Seed;
        set => Settings.Seed = value;
    }

    /// <summary>Gets or sets how many schedules to explore when no seed is given; 1 by default, at least 1. <c>TRIOTEST_ITERATIONS</c> raises it for every test.</summary>
    public int Iterations
    {
        get => Settings.Iterations;
        set => Settings.Iterations = value;
    }

    /// <summary>Gets or sets how each schedule orders ready tasks; <see cref="ExplorationStrategy.Random"/> by default.</summary>
    public ExplorationStrategy Strategy
    {
        get => Settings.Strategy;
        set => Settings.Strategy = value;
    }

    /// <summary>Gets or sets the bug depth <see cref="ExplorationStrategy.Pct"/> targets; 3 by default, at least 1.</summary>
    public int PctDepth
    {
        get => Settings.PctDepth;
        set => Settings.PctDepth = value;
    }

    /// <summary>Gets or sets the real idle time, in milliseconds, before virtual time jumps to the next deadline; 0 (at once) by default.</summary>
    public double AutojumpThreshold
    {
        get => Settings.AutojumpThreshold;
        set => Settings.AutojumpThreshold = value;
    }

    /// <summary>Gets or sets the virtual time, in milliseconds, after which a schedule fails (a timer that ticks forever); one day by default.</summary>
    public double VirtualTimeLimit
    {
        get => Settings.VirtualTimeLimit;
        set => Settings.VirtualTimeLimit = value;
    }

    /// <summary>
    /// Gets or sets how long, in milliseconds of real time, one step may hold the loop (a <c>.Result</c>, a <c>.Wait()</c>,
    /// a spin with no checkpoint) before the test fails naming the task; 0 means one second, -1 no limit.
    /// </summary>
    public int BlockedLoopTimeout
    {
        get => Settings.BlockedLoopTimeout;
        set => Settings.BlockedLoopTimeout = value;
    }

    /// <summary>Gets or sets how many steps one schedule may take before it fails with its seed and a report; 0 means ten million, -1 no limit.</summary>
    public long StepLimit
    {
        get => Settings.StepLimit;
        set => Settings.StepLimit = value;
    }

    /// <summary>Gets or sets how many of a schedule's most recent trace events are kept (older ones are dropped, so memory stays bounded); 0 means 100,000.</summary>
    public int TraceWindow
    {
        get => Settings.TraceWindow;
        set => Settings.TraceWindow = value;
    }

    /// <summary>Gets or sets a value indicating whether a failing schedule is shrunk to its fewest deviations from FIFO order, shown in the report with the value that replays it; <see langword="true"/> by default.</summary>
    public bool Shrink
    {
        get => Settings.Shrink;
        set => Settings.Shrink = value;
    }

    /// <summary>Gets or sets a value indicating whether code that leaves the loop (a real timer, <c>Task.Run</c>, real I/O) fails the test with its cause and fix; <see langword="true"/> by default.</summary>
    public bool Strict
    {
        get => Settings.Strict;
        set => Settings.Strict = value;
    }
}
