namespace TrioTest.Core.Tests.Synchronization;

public sealed class CapacityLimiterTests
{
    [Fact]
    public void AtMostTotalTokensBorrowersAtOnce_InOrder()
    {
        var limiter = new CapacityLimiter(2, "downloads");
        int inside = 0;
        int maxInside = 0;
        var order = new List<int>();

        VirtualRun.Run(() => Nursery.RunAsync(nursery =>
        {
            for (int i = 0; i < 5; i++)
            {
                int index = i;
                nursery.StartSoon(async () =>
                {
                    await limiter.AcquireAsync();
                    order.Add(index);
                    maxInside = Math.Max(maxInside, ++inside);
                    await Trio.SleepAsync(TimeSpan.FromSeconds(1));
                    inside--;
                    limiter.Release();
                });
            }

            return Task.CompletedTask;
        }));

        Assert.Equal(2, maxInside);
        Assert.Equal([0, 1, 2, 3, 4], order);
        Assert.Equal(0, limiter.BorrowedTokens);
    }

    [Fact]
    public void RaisingTotalTokens_HandsTheNewTokensToWaiters()
    {
        var limiter = new CapacityLimiter(1);
        var got = new List<string>();

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            await limiter.AcquireAsync();
            foreach (string name in new[] { "a", "b" })
            {
                nursery.StartSoon(async () =>
                {
                    await limiter.AcquireAsync();
                    got.Add(name);
                    limiter.Release();
                }, name);
            }

            await Trio.WaitAllTasksBlockedAsync();
            Assert.Equal(2, limiter.GetStatistics().TasksWaiting);
            limiter.TotalTokens = 3;
            await Trio.WaitAllTasksBlockedAsync();
            limiter.Release();
        }));

        Assert.Equal(["a", "b"], got);
    }

    [Fact]
    public void BorrowingOnBehalfOfAnObject_AndItsErrors()
    {
        var limiter = new CapacityLimiter(2);
        var connection = new object();

        VirtualRun.Run(async () =>
        {
            await limiter.AcquireOnBehalfOfAsync(connection);
            Assert.Contains(connection, limiter.GetStatistics().Borrowers);
            var twice = Assert.Throws<InvalidOperationException>(() => limiter.AcquireOnBehalfOfAsync(connection));
            Assert.Contains("already holds a token", twice.Message);
            var notHeld = Assert.Throws<InvalidOperationException>(limiter.Release);
            Assert.Contains("does not hold", notHeld.Message);
            limiter.ReleaseOnBehalfOf(connection);
        });

        Assert.Equal(2, limiter.AvailableTokens);
    }

    [Fact]
    public void TotalTokensBelowOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CapacityLimiter(0));
    }

    [Fact]
    public void CancelledWaiter_LosesNoToken()
    {
        var limiter = new CapacityLimiter(1);

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            await limiter.AcquireAsync();
            nursery.StartSoon(() => Trio.MoveOnAfterAsync(TimeSpan.FromSeconds(1), () => limiter.AcquireAsync().AsTask()));
            await Trio.SleepAsync(TimeSpan.FromSeconds(2));
            limiter.Release();
        }));

        Assert.Equal(1, limiter.AvailableTokens);
    }

    [Fact]
    public void DeadlockThroughALimiterAndALock_NamesTheCycle()
    {
        var limiter = new CapacityLimiter(1, "db");
        var cache = new AsyncLock("cache");

        var error = Assert.Throws<DeadlockException>(() => VirtualRun.Run(() => Nursery.RunAsync(nursery =>
        {
            nursery.StartSoon(async () =>
            {
                await limiter.AcquireAsync();
                await Trio.CheckpointAsync();
                await cache.AcquireAsync();
            }, "x");
            nursery.StartSoon(async () =>
            {
                await cache.AcquireAsync();
                await Trio.CheckpointAsync();
                await limiter.AcquireAsync();
            }, "y");
            return Task.CompletedTask;
        })));

        Assert.Equal(["main/x", "main/y", "main/x"], error.Cycle);
        Assert.Contains("main/y  waits for CapacityLimiter \"db\" held by main/x", error.Message);
    }
}
