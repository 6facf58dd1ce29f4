using BenchmarkDotNet.Attributes;

namespace TrioTest.Benchmarks;

/// <summary>
/// The cost of a task: spawning N children that each pass one checkpoint and exit, per task, against the same children
/// as plain async methods awaited with Task.WhenAll on the floor post loop. The memory diagnoser gives bytes per task.
/// </summary>
[MemoryDiagnoser]
public class TaskBenchmarks
{
    private const int Children = 1_000;

    [Benchmark(Baseline = true, OperationsPerInvoke = Children)]
    public void Floor_AsyncMethods() => FloorContext.Run(() => Task.WhenAll(Enumerable.Range(0, Children).Select(_ => ChildAsync())));

    [Benchmark(OperationsPerInvoke = Children)]
    public void TrioTest_NurseryChildren() => Trio.Run(() => Nursery.RunAsync(nursery =>
    {
        for (int i = 0; i < Children; i++)
        {
            nursery.StartSoon(() => Trio.CheckpointAsync().AsTask(), "child");
        }

        return Task.CompletedTask;
    }));

    private static async Task ChildAsync() => await Task.Yield();
}
