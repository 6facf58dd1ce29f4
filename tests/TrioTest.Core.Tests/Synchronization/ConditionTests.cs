namespace TrioTest.Core.Tests.Synchronization;

public sealed class ConditionTests
{
    [Fact]
    public void NotifyAll_WakesWaitersWhoRetakeTheLockOneAtATimeInOrder()
    {
        var condition = new Condition(name: "ready");
        var log = new List<string>();
        var waitOrder = new List<string>();

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            for (int i = 0; i < 3; i++)
            {
                int index = i;
                nursery.StartSoon(async () =>
                {
                    using (await condition.Lock.LockAsync())
                    {
                        waitOrder.Add($"w{index}");
                        await condition.WaitAsync();
                        log.Add($"w{index} holds the lock: {condition.Lock.Owner == Trio.CurrentTask}");
                        await Trio.CheckpointAsync();
                    }
                });
            }

            await Trio.WaitAllTasksBlockedAsync();
            Assert.Equal(3, condition.GetStatistics().TasksWaiting);
            using (await condition.Lock.LockAsync())
            {
                condition.NotifyAll();
                log.Add("notified");
            }
        }), seed: 5, strategy: new RandomStrategy());

        Assert.Equal(["notified", .. waitOrder.Select(w => $"{w} holds the lock: True")], log);
    }

    [Fact]
    public void NotifyOne_WakesOnlyTheLongestWaiting()
    {
        var condition = new Condition();
        var woken = new List<int>();

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            for (int i = 0; i < 2; i++)
            {
                int index = i;
                nursery.StartSoon(() => Trio.MoveOnAfterAsync(TimeSpan.FromSeconds(10), async () =>
                {
                    using (await condition.Lock.LockAsync())
                    {
                        await condition.WaitAsync();
                        woken.Add(index);
                    }
                }));
            }

            await Trio.WaitAllTasksBlockedAsync();
            using (await condition.Lock.LockAsync())
            {
                condition.NotifyOne();
            }
        }));

        Assert.Equal([0], woken);
    }

    [Fact]
    public void CancelledWhileWaiting_RetakesTheLockBeforeCancelledPropagates()
    {
        var condition = new Condition();
        bool heldWhenCancelled = false;

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            await condition.Lock.AcquireAsync();
            nursery.StartSoon(() => Trio.MoveOnAfterAsync(TimeSpan.FromSeconds(1), async () =>
            {
                using (await condition.Lock.LockAsync())
                {
                    try
                    {
                        await condition.WaitAsync();
                    }
                    catch (Cancelled)
                    {
                        heldWhenCancelled = condition.Lock.Owner == Trio.CurrentTask;
                        throw;
                    }
                }
            }), "waiter");
            await Trio.SleepAsync(TimeSpan.FromSeconds(0.5));
            condition.Lock.Release();
            await Trio.SleepAsync(TimeSpan.FromSeconds(2));
        }));

        Assert.True(heldWhenCancelled);
        Assert.False(condition.Lock.IsLocked);
    }

    [Fact]
    public void WaitOrNotifyWithoutTheLock_ThrowsSayingToAcquireIt()
    {
        var condition = new Condition();

        VirtualRun.Run(async () =>
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => condition.WaitAsync());
            Assert.Contains("acquire Condition.Lock first", error.Message);
            Assert.Throws<InvalidOperationException>(condition.NotifyAll);
        });
    }
}
