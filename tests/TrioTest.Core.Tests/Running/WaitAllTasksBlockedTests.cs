namespace TrioTest.Core.Tests.Running;

public sealed class WaitAllTasksBlockedTests
{
    [Fact]
    public void Waiter_WakesOnceEveryOtherTaskIsBlocked()
    {
        var log = new List<string>();

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            nursery.StartSoon(async () =>
            {
                for (int i = 0; i < 3; i++)
                {
                    await Trio.CheckpointAsync();
                    log.Add($"worker {i}");
                }

                await Trio.SleepForeverAsync();
            }, "worker");
            await Trio.WaitAllTasksBlockedAsync();
            log.Add("all blocked");
            nursery.CancelScope.Cancel();
        }));

        Assert.Equal(["worker 0", "worker 1", "worker 2", "all blocked"], log);
    }

    [Fact]
    public void Waiter_TakesPrecedenceOverAutojump()
    {
        var log = new List<string>();

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            nursery.StartSoon(async () =>
            {
                await Trio.SleepAsync(TimeSpan.FromSeconds(100));
                log.Add($"yawn at {Trio.CurrentTime.TotalSeconds}");
            });
            await Trio.WaitAllTasksBlockedAsync();
            log.Add($"waiter done at {Trio.CurrentTime.TotalSeconds}");
        }));

        Assert.Equal(["waiter done at 0", "yawn at 100"], log);
    }

    [Fact]
    public void SmallestCushionWakesFirst()
    {
        var log = new List<string>();

        VirtualRun.Run(() => Nursery.RunAsync(nursery =>
        {
            nursery.StartSoon(async () =>
            {
                await Trio.WaitAllTasksBlockedAsync(TimeSpan.FromMilliseconds(20));
                log.Add("cushion 20ms");
            });
            nursery.StartSoon(async () =>
            {
                await Trio.WaitAllTasksBlockedAsync();
                log.Add("cushion 0 (a)");
            });
            nursery.StartSoon(async () =>
            {
                await Trio.WaitAllTasksBlockedAsync();
                log.Add("cushion 0 (b)");
            });
            return Task.CompletedTask;
        }));

        Assert.Equal(["cushion 0 (a)", "cushion 0 (b)", "cushion 20ms"], log);
    }

    [Fact]
    public void Waiter_IsACancelPoint()
    {
        bool finished = VirtualRun.Run(() => Trio.MoveOnAfterAsync(TimeSpan.FromSeconds(1), () => Nursery.RunAsync(nursery =>
        {
            nursery.StartSoon(() => Trio.SleepForeverAsync().AsTask());
            nursery.StartSoon(async () =>
            {
                await Trio.SleepAsync(TimeSpan.FromSeconds(5));
            });
            nursery.StartSoon(async () =>
            {
                await Trio.CheckpointAsync();
                Trio.CurrentCancelScope.Cancel();
                await Trio.WaitAllTasksBlockedAsync();
            });
            return Task.CompletedTask;
        })));

        Assert.True(finished);
    }

    [Fact]
    public void NegativeCushion_Throws()
    {
        VirtualRun.Run(() =>
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => Trio.WaitAllTasksBlockedAsync(TimeSpan.FromSeconds(-1)));
            return Task.CompletedTask;
        });
    }
}
