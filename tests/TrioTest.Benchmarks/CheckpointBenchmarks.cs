using BenchmarkDotNet.Attributes;
using Nito.AsyncEx;
using TrioTest.Testing;

namespace TrioTest.Benchmarks;

/// <summary>
/// The cost of one checkpoint: N tasks each yielding M times, against the bare post loop (the floor) and
/// Nito.AsyncEx's AsyncContext doing the same number of Task.Yield hops. Reported per hop.
/// </summary>
[MemoryDiagnoser]
public class CheckpointBenchmarks
{
    private const int TotalHops = 10_000;

    [Params(1, 10, 1_000)]
    public int Tasks { get; set; }

    private int HopsPerTask => TotalHops / Tasks;

    [Benchmark(Baseline = true, OperationsPerInvoke = TotalHops)]
    public void Floor_PostLoop_TaskYield() => FloorContext.Run(() => Task.WhenAll(Enumerable.Range(0, Tasks).Select(_ => YieldLoopAsync(HopsPerTask))));

    [Benchmark(OperationsPerInvoke = TotalHops)]
    public void NitoAsyncContext_TaskYield() => AsyncContext.Run(() => Task.WhenAll(Enumerable.Range(0, Tasks).Select(_ => YieldLoopAsync(HopsPerTask))));

    [Benchmark(OperationsPerInvoke = TotalHops)]
    public void TrioTest_Checkpoint() => Trio.Run(CheckpointsAsync, new RunOptions());

    /// <summary>The harness's recorder, reused across runs as the harness reuses it across schedules.</summary>
    private readonly TraceRecorder _recorder = new();

    [Benchmark(OperationsPerInvoke = TotalHops)]
    public void TrioTest_Checkpoint_TraceRecording()
    {
        _recorder.Clear();
        var options = new RunOptions();
        options.Instruments.Add(_recorder);
        Trio.Run(CheckpointsAsync, options);
    }

    private Task CheckpointsAsync() => Nursery.RunAsync(nursery =>
    {
        for (int t = 0; t < Tasks; t++)
        {
            nursery.StartSoon(async () =>
            {
                for (int i = 0; i < HopsPerTask; i++)
                {
                    await Trio.CheckpointAsync();
                }
            }, "worker");
        }

        return Task.CompletedTask;
    });

    private static async Task YieldLoopAsync(int hops)
    {
        for (int i = 0; i < hops; i++)
        {
            await Task.Yield();
        }
    }
}
