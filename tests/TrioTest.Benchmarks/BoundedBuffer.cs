namespace TrioTest.Benchmarks;

/// <summary>
/// The body of Coyote's bounded-buffer sample, fixed (the corpus's "bounded-buffer missed wake-up" is its buggy twin):
/// one slot, two readers taking five items each, one writer putting ten, every wait in a loop under one lock with
/// <see cref="Condition.NotifyAll"/>. Every schedule passes, so an exploration runs all of its schedules.
/// </summary>
internal static class BoundedBuffer
{
    /// <summary>Runs the buffer with <paramref name="slots"/> slots, <paramref name="readers"/> readers of <paramref name="itemsPerReader"/> items, and one writer of all of them.</summary>
    public static Task RunAsync(int slots = 1, int readers = 2, int itemsPerReader = 5)
    {
        var buffer = new Queue<int>();
        var @lock = new AsyncLock("buffer");
        var changed = new Condition(@lock, "changed");
        return Nursery.RunAsync(nursery =>
        {
            for (int r = 0; r < readers; r++)
            {
                nursery.StartSoon(async () =>
                {
                    for (int i = 0; i < itemsPerReader; i++)
                    {
                        using (await @lock.LockAsync())
                        {
                            while (buffer.Count == 0)
                            {
                                await changed.WaitAsync();
                            }

                            buffer.Dequeue();
                            changed.NotifyAll();
                        }
                    }
                }, "reader");
            }

            nursery.StartSoon(async () =>
            {
                for (int i = 0; i < readers * itemsPerReader; i++)
                {
                    using (await @lock.LockAsync())
                    {
                        while (buffer.Count == slots)
                        {
                            await changed.WaitAsync();
                        }

                        buffer.Enqueue(i);
                        changed.NotifyAll();
                    }
                }
            }, "writer");
            return Task.CompletedTask;
        });
    }
}
