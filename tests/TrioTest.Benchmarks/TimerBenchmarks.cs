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
