namespace TrioTest.Benchmarks;

/// <summary>
/// The physical floor: the least a single-threaded loop can do per hop. A queue, a lock, an invoke; no tasks, no
/// scheduling policy, no tracing. Honest, not a strawman: the same shape as every real single-threaded context.
/// </summary>
internal sealed class FloorContext : SynchronizationContext
{
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _queue = new();
    private readonly object _lock = new();

    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (_lock)
        {
            _queue.Enqueue((d, state));
            Monitor.Pulse(_lock);
        }
    }

    /// <summary>Runs <paramref name="main"/> on this thread until it completes.</summary>
    public static void Run(Func<Task> main)
    {
        var context = new FloorContext();
        SynchronizationContext? saved = Current;
        SetSynchronizationContext(context);
        try
        {
            Task task = main();
            while (!task.IsCompleted)
            {
                (SendOrPostCallback callback, object? state) item;
                lock (context._lock)
                {
                    while (context._queue.Count == 0 && !task.IsCompleted)
                    {
                        Monitor.Wait(context._lock, 1);
                    }

                    if (!context._queue.TryDequeue(out item))
                    {
                        continue;
                    }
                }

                item.callback(item.state);
            }

            task.GetAwaiter().GetResult();
        }
        finally
        {
            SetSynchronizationContext(saved);
        }
    }
}
