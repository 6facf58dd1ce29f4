namespace TrioTest.Core.Tests.Synchronization;

public sealed class AsyncSemaphoreTests
{
    [Fact]
    public void AtMostValueTasksHoldIt_AndWaitersGetUnitsInOrder()
    {
        var semaphore = new AsyncSemaphore(2, name: "pool");
        int inside = 0;
        int maxInside = 0;
        var order = new List<int>();

        VirtualRun.Run(() => Nursery.RunAsync(nursery =>
        {
            for (int i = 0; i < 6; i++)
            {
                int index = i;
                nursery.StartSoon(async () =>
                {
                    await semaphore.AcquireAsync();
                    order.Add(index);
                    maxInside = Math.Max(maxInside, ++inside);
                    await Trio.SleepAsync(TimeSpan.FromSeconds(1));
                    inside--;
                    semaphore.Release();
                });
            }

            return Task.CompletedTask;
        }));

        Assert.Equal(2, maxInside);
        Assert.Equal([0, 1, 2, 3, 4, 5], order);
        Assert.Equal(2, semaphore.Value);
    }

    [Fact]
    public void CancelledWaiter_TakesNoUnit()
    {
        var semaphore = new AsyncSemaphore(0);

        VirtualRun.Run(async () =>
        {
            await Trio.MoveOnAfterAsync(TimeSpan.FromSeconds(1), () => semaphore.AcquireAsync().AsTask());
            semaphore.Release();
        });

        Assert.Equal(1, semaphore.Value);
    }

    [Fact]
    public void ReleasePastMaxValue_Throws()
    {
        var semaphore = new AsyncSemaphore(1, maxValue: 1);

        var error = Assert.Throws<InvalidOperationException>(semaphore.Release);

        Assert.Contains("exceed MaxValue (1)", error.Message);
    }

    [Fact]
    public void BadConstruction_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AsyncSemaphore(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AsyncSemaphore(3, maxValue: 2));
    }

    [Fact]
    public void TryAcquire_TakesOnlyWhatIsThere()
    {
        var semaphore = new AsyncSemaphore(1);

        Assert.True(semaphore.TryAcquire());
        Assert.False(semaphore.TryAcquire());
        Assert.Equal(new SemaphoreStatistics(0, null, 0), semaphore.GetStatistics());
    }
}
