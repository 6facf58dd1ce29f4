namespace TrioTest.Benchmarks.Coyote;

/// <summary>
/// The bounded-buffer body of the Coyote comparison, written as Coyote's BoundedBuffer sample is: plain Tasks, a
/// <see langword="lock"/> and <see cref="Monitor.Wait(object)"/>, which Coyote controls once the assembly is rewritten.
/// The same shape as TrioTest's body (TrioTest.Benchmarks.BoundedBuffer): one slot, two readers taking five items each,
/// one writer putting ten, every wait in a loop under one lock.
/// </summary>
/// <remarks>
/// <see cref="Run"/> wakes every waiter, so every schedule passes and an exploration runs all of its iterations.
/// <see cref="RunWithPulse"/> is its buggy twin: <see cref="Monitor.Pulse(object)"/> can wake a reader when only the
/// writer can make progress, and then all three wait for ever. Coyote finding that deadlock shows it controls the body.
/// </remarks>
public sealed class CoyoteBoundedBuffer
{
    /// <summary>The lock every <see cref="Put"/> and <see cref="Take"/> holds, and the monitor they wait on.</summary>
    /// <remarks>A plain object, not a <see cref="Lock"/>: <see cref="Monitor.Wait(object)"/> needs a monitor.</remarks>
    private readonly object _gate = new();

    /// <summary>The items put and not yet taken; at most <see cref="_slots"/> of them.</summary>
    private readonly Queue<int> _items = new();

    /// <summary>How many items the buffer holds before a writer waits.</summary>
    private readonly int _slots;

    /// <summary><see langword="true"/> to wake every waiter after a change (the fixed buffer); <see langword="false"/> to wake one (the twin).</summary>
    private readonly bool _wakeAll;

    private CoyoteBoundedBuffer(int slots, bool wakeAll)
    {
        _slots = slots;
        _wakeAll = wakeAll;
    }

    /// <summary>Runs the fixed buffer: two readers of five items and one writer of ten on one slot; passes on every schedule.</summary>
    public static void Run() => RunReadersAndWriter(wakeAll: true);

    /// <summary>Runs the buggy twin, which wakes one waiter instead of all: deadlocks on some schedules.</summary>
    public static void RunWithPulse() => RunReadersAndWriter(wakeAll: false);

    private static void RunReadersAndWriter(bool wakeAll, int slots = 1, int readers = 2, int itemsPerReader = 5)
    {
        var buffer = new CoyoteBoundedBuffer(slots, wakeAll);
        var tasks = new Task[readers + 1];
        for (int r = 0; r < readers; r++)
        {
            tasks[r] = Task.Run(() =>
            {
                for (int i = 0; i < itemsPerReader; i++)
                {
                    buffer.Take();
                }
            });
        }

        tasks[readers] = Task.Run(() =>
        {
            for (int i = 0; i < readers * itemsPerReader; i++)
            {
                buffer.Put(i);
            }
        });
        Task.WaitAll(tasks);
    }

    private void Put(int item)
    {
        lock (_gate)
        {
            while (_items.Count == _slots)
            {
                Monitor.Wait(_gate);
            }

            _items.Enqueue(item);
            WakeWaiters();
        }
    }

    private int Take()
    {
        lock (_gate)
        {
            while (_items.Count == 0)
            {
                Monitor.Wait(_gate);
            }

            int item = _items.Dequeue();
            WakeWaiters();
            return item;
        }
    }

    private void WakeWaiters()
    {
        if (_wakeAll)
        {
            Monitor.PulseAll(_gate);
        }
        else
        {
            Monitor.Pulse(_gate);
        }
    }
}
