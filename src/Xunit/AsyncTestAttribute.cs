using TrioTest.Xunit.Sdk;
using Xunit;
using Xunit.Sdk;

namespace TrioTest.Xunit;

/// <summary>
/// Marks an async test that runs on TrioTest's deterministic loop: write it where you wrote <c>[Fact]</c>. The test
/// class's constructor, <c>IAsyncLifetime</c>, the body and <c>Dispose</c> all run on the loop under a virtual clock
/// that autojumps; which ready task runs next is chosen by a seed that every failure prints.
/// </summary>
/// <remarks>xunit's own <c>Timeout</c> (milliseconds of real time) becomes TrioTest's watchdog for the whole test, every schedule together; unset, it is five minutes.</remarks>
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
[XunitTestCaseDiscoverer("TrioTest.Xunit.Sdk.AsyncTestDiscoverer", "TrioTest.Xunit")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public class AsyncTestAttribute : FactAttribute
{
    /// <summary>Gets the values set on this attribute, for the discoverer.</summary>
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
}
