using BenchmarkDotNet.Attributes;

namespace TrioTest.Benchmarks;

/// <summary>
/// What watching departures costs the rest of the process: once a run under a virtual clock has started the thread-pool
/// listener, every work item anyone queues raises an enqueue and a dequeue event. 1,000 items queued from a plain thread
/// and waited for, with the listener on, against the same without it. BenchmarkDotNet runs each method in its own
/// process, so the baseline never sees the listener.
/// </summary>
[MemoryDiagnoser]
public class DepartureWatchBenchmarks
{
    private const int Items = 1000;

    [GlobalSetup(Target = nameof(Watched))]
    public void StartWatching() =>
        Trio.Run(() => Task.CompletedTask, new RunOptions { Clock = VirtualClock.CreateAutojumping() });

    [Benchmark(Baseline = true, Description = "1,000 thread-pool items, no listener")]
    public void Unwatched() => QueueAndWait();

    [Benchmark(Description = "1,000 thread-pool items, departures watched")]
    public void Watched() => QueueAndWait();

    private static void QueueAndWait()
    {
        using var done = new CountdownEvent(Items);
        for (int i = 0; i < Items; i++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static countdown => countdown.Signal(), done, preferLocal: false);
        }

        done.Wait();
    }
}
