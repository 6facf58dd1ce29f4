using BenchmarkDotNet.Attributes;

namespace TrioTest.Benchmarks;

/// <summary>Whole runs of a trivial body per second: the floor under exploration throughput (the harness adds its own cost on top).</summary>
[MemoryDiagnoser]
public class RunBenchmarks
{
    private ulong _seed;

    [Benchmark]
    public void TrivialTwoTaskRun() => Trio.Run(() => Nursery.RunAsync(nursery =>
    {
        nursery.StartSoon(() => Trio.CheckpointAsync().AsTask(), "a");
        nursery.StartSoon(() => Trio.CheckpointAsync().AsTask(), "b");
        return Task.CompletedTask;
    }), new RunOptions { Clock = VirtualClock.CreateAutojumping(), Seed = ++_seed, Strategy = new RandomStrategy() });
}
