using BenchmarkDotNet.Attributes;
using Microsoft.Coyote.SystematicTesting;
using TrioTest.Benchmarks.Coyote;
using TrioTest.Testing;

namespace TrioTest.Benchmarks;

/// <summary>
/// Exploration against Coyote on the bounded-buffer body, in the same run: Coyote's testing engine running 1,000
/// iterations of <see cref="CoyoteBoundedBuffer"/> (Tasks, a lock and Monitor waits, rewritten by Coyote's rewriter) against
/// TrioTest's 1,000 harness schedules of <see cref="BoundedBuffer"/> (the bounded-buffer row of
/// <see cref="ExplorationBenchmarks"/>), each pair with the random strategy and with PCT.
/// </summary>
/// <remarks>
/// Coyote's row refuses to run unless Coyote controls the body (<see cref="CoyoteExploration.ThrowIfNotControlled"/>): an
/// assembly that is not rewritten runs real threads, and Coyote would time those instead of exploring. run.sh rewrites it.
/// </remarks>
[MemoryDiagnoser]
public class CoyoteBenchmarks
{
    /// <summary>Gets or sets the strategy both sides explore with: TrioTest's default (Random) or PCT.</summary>
    [Params(ExplorationStrategy.Random, ExplorationStrategy.Pct)]
    public ExplorationStrategy Strategy { get; set; } = ExplorationStrategy.Random;

    /// <summary>TrioTest's side: the exploration benchmark's bounded-buffer case with <see cref="Strategy"/>.</summary>
    private ExplorationBenchmarks _trioTest = null!;

    /// <summary>Checks that Coyote controls the body: Coyote's row fails here, loudly, rather than time uncontrolled threads.</summary>
    /// <exception cref="InvalidOperationException">The Coyote assembly is not rewritten, or Coyote misses the twin's deadlock.</exception>
    [GlobalSetup(Target = nameof(Coyote_Iterations))]
    public void SetupCoyote() => CoyoteExploration.ThrowIfNotControlled(Strategy, ExplorationBenchmarks.Schedules);

    /// <summary>Sets up TrioTest's side: the exploration benchmark's bounded-buffer case with <see cref="Strategy"/>.</summary>
    [GlobalSetup(Target = nameof(TrioTest_HarnessSchedules))]
    public void SetupTrioTest()
    {
        _trioTest = new ExplorationBenchmarks { Body = "bounded buffer", Strategy = Strategy };
        _trioTest.Setup();
    }

    /// <summary>Coyote's 1,000 iterations of the fixed buffer, from seed 1.</summary>
    [Benchmark(Baseline = true, Description = "Coyote, 1,000 iterations")]
    public TestReport Coyote_Iterations() => CoyoteExploration.Run(CoyoteBoundedBuffer.Run, Strategy, ExplorationBenchmarks.Schedules);

    /// <summary>TrioTest's 1,000 schedules of the same buffer, from base seed 1.</summary>
    [Benchmark(Description = "TrioTest, 1,000 harness schedules, trace on")]
    public TrioTestResult TrioTest_HarnessSchedules() => _trioTest.HarnessSchedules();
}
