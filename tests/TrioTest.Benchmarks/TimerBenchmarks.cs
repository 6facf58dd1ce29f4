using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Time.Testing;

namespace TrioTest.Benchmarks;

/// <summary>
/// n sleeping tasks with seeded random deadlines, run to completion: TrioTest autojumping its virtual clock, against
/// FakeTimeProvider advanced to each next deadline with the same timers. Reported per timer.
/// </summary>
[MemoryDiagnoser]
public class TimerBenchmarks
{
    private TimeSpan[] _deadlines = [];

    [Params(1_000, 10_000)]
    public int Timers { get; set; }

    [GlobalSetup]
    public void Setup() => _deadlines = Deadlines(Timers);

    [Benchmark(Baseline = true)]
    public void FakeTimeProvider_AdvanceToEachDeadline()
    {
        var fake = new FakeTimeProvider();
        DateTimeOffset start = fake.GetUtcNow();
        var delays = new Task[_deadlines.Length];
        for (int i = 0; i < delays.Length; i++)
        {
            delays[i] = Task.Delay(_deadlines[i], fake);
        }

        foreach (TimeSpan deadline in _deadlines.Distinct().Order())
        {
            fake.Advance(start + deadline - fake.GetUtcNow());
        }

        Task.WaitAll(delays);
    }

    [Benchmark]
    public void TrioTest_Autojump() => RunTrio(_deadlines);

    internal static void RunTrio(TimeSpan[] deadlines) => Trio.Run(() => Nursery.RunAsync(nursery =>
    {
        foreach (TimeSpan deadline in deadlines)
        {
            nursery.StartSoon(() => Trio.SleepAsync(deadline), "sleeper");
        }

        return Task.CompletedTask;
    }), new RunOptions { Clock = VirtualClock.CreateAutojumping() });

    /// <summary>
    /// The goal's run taken apart, for the interleaved section: the same 10^4 tasks and closures with less and less of the
    /// timers' work, the goal's own case last. The first part has no timer at all: what the tasks alone cost.
    /// </summary>
    /// <param name="deadlines">The goal's random deadlines.</param>
    /// <returns>Each part's description and its run.</returns>
    internal static IReadOnlyList<(string Part, Action Run)> Parts(TimeSpan[] deadlines)
    {
        TimeSpan last = deadlines.Max();
        TimeSpan[] oneDeadline = [.. deadlines.Select(_ => last)];
        TimeSpan[] inSpawnOrder = [.. deadlines.Order()];
        return
        [
            ("each task yields once instead of sleeping: no timer", () => RunYielders(deadlines)),
            ("every task sleeps until one deadline", () => RunTrio(oneDeadline)),
            ("deadlines in spawn order", () => RunTrio(inSpawnOrder)),
            ("random deadlines: the goal's own case", () => RunTrio(deadlines)),
        ];
    }

    /// <summary>Runs a task per deadline that yields once where a sleeper would sleep.</summary>
    private static void RunYielders(TimeSpan[] deadlines) => Trio.Run(() => Nursery.RunAsync(nursery =>
    {
        foreach (TimeSpan deadline in deadlines)
        {
            // Every deadline is at least a millisecond, so this yields; it captures the deadline as a sleeper's closure does.
            nursery.StartSoon(() => deadline > TimeSpan.Zero ? Trio.CheckpointAsync() : Trio.SleepAsync(deadline), "sleeper");
        }

        return Task.CompletedTask;
    }), new RunOptions { Clock = VirtualClock.CreateAutojumping() });

    internal static TimeSpan[] Deadlines(int count)
    {
        var random = new DeterministicRandom(12345);
        return Enumerable.Range(0, count).Select(_ => TimeSpan.FromMilliseconds(1 + random.NextInt32(3_600_000))).ToArray();
    }
}

/// <summary>TrioTest alone from 10^4 to 10^6 timers, to show O(n log n) growth (FakeTimeProvider's quadratic series is capped above).</summary>
[MemoryDiagnoser]
public class TimerScalingBenchmarks
{
    private TimeSpan[] _deadlines = [];

    [Params(10_000, 100_000, 1_000_000)]
    public int Timers { get; set; }

    [GlobalSetup]
    public void Setup() => _deadlines = TimerBenchmarks.Deadlines(Timers);

    [Benchmark]
    public void TrioTest_Autojump() => TimerBenchmarks.RunTrio(_deadlines);
}
