namespace TrioTest.Core.Tests.Running;

public sealed class DeadlockTests
{
    [Fact]
    public void TwoTasksWaitingOnEachOther_FailAtOnce_NamingEveryTaskAndWhereItStopped()
    {
        var error = Assert.Throws<DeadlockException>(() => VirtualRun.Run(() => Nursery.RunAsync(nursery =>
        {
            var a = new TaskCompletionSource();
            var b = new TaskCompletionSource();
            nursery.StartSoon(async () =>
            {
                await Trio.CheckpointAsync("a waits for b");
                await b.Task;
                a.SetResult();
            }, "a");
            nursery.StartSoon(async () =>
            {
                await Trio.CheckpointAsync("b waits for a");
                await a.Task;
                b.SetResult();
            }, "b");
            return Task.CompletedTask;
        })));

        Assert.StartsWith("deadlock: all 3 tasks are blocked", error.Message);
        Assert.Equal(["main", "main/a", "main/b"], error.BlockedTasks.Select(t => t.Path));
        Assert.Equal("a waits for b", error.BlockedTasks[1].LastCheckpoint!.Value.Label);
        Assert.StartsWith("the children of its nursery (DeadlockTests.cs:", error.BlockedTasks[0].WaitingFor);
        Assert.Null(error.BlockedTasks[1].WaitingFor);
        Assert.Contains("\"b waits for a\" at DeadlockTests.cs:", error.Message);
    }

    [Fact]
    public void SleepForeverWithNothingToCancelIt_IsADeadlock()
    {
        var error = Assert.Throws<DeadlockException>(() => VirtualRun.Run(() => Trio.SleepForeverAsync().AsTask()));

        BlockedTask main = Assert.Single(error.BlockedTasks);
        Assert.Equal("sleep forever", main.WaitingFor);
    }

    [Fact]
    public void WithTheSystemClock_DetectionIsOffByDefault_AndCanBeTurnedOn()
    {
        Assert.Throws<DeadlockException>(() => Trio.Run(
            () => Trio.SleepForeverAsync().AsTask(),
            new RunOptions { DetectDeadlocks = true }));
    }

    [Fact]
    public void AbandonedNursery_FailsTheRunNamingTheTasksLeftBehind()
    {
        var error = Assert.Throws<InvalidOperationException>(() => VirtualRun.Run(async () =>
        {
            Task forgotten = Nursery.RunAsync(nursery =>
            {
                nursery.StartSoon(() => Trio.SleepAsync(TimeSpan.FromSeconds(1)).AsTask(), "orphan");
                return Task.CompletedTask;
            });
            await Trio.CheckpointAsync();
        }));

        Assert.Contains("main/orphan", error.Message);
        Assert.Contains("Await every Nursery.RunAsync", error.Message);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(true, false)]
    public void DeadlockAdvice_OffersTurningDetectionOff_OnlyWhereTheCallerChoseTheDefault(bool? detectDeadlocks, bool offersTheSwitch)
    {
        RunOptions options = VirtualRun.Options();
        options.DetectDeadlocks = detectDeadlocks;

        var error = Assert.Throws<DeadlockException>(() => Trio.Run(() => new TaskCompletionSource().Task, options));

        Assert.Contains("run blocking work with Trio.ToThreadAsync", error.Message);
        Assert.Equal(offersTheSwitch, error.Message.Contains("RunOptions.DetectDeadlocks = false", StringComparison.Ordinal));
    }

    [Fact]
    public void LockOrderDeadlock_NamesEachLockOnce_WithoutNestedQuotes()
    {
        var error = Assert.Throws<DeadlockException>(() => VirtualRun.Run(() => Nursery.RunAsync(nursery =>
        {
            var a = new AsyncLock("a");
            var b = new AsyncLock("b");
            nursery.StartSoon(async () =>
            {
                using (await a.LockAsync())
                {
                    await Trio.CheckpointAsync();
                    using (await b.LockAsync())
                    {
                    }
                }
            }, "x");
            nursery.StartSoon(async () =>
            {
                using (await b.LockAsync())
                {
                    await Trio.CheckpointAsync();
                    using (await a.LockAsync())
                    {
                    }
                }
            }, "y");
            return Task.CompletedTask;
        })));

        Assert.Contains("main/x  waits for Lock \"b\" held by main/y; last checkpoint Lock \"b\" at DeadlockTests.cs:", error.Message);
        Assert.DoesNotContain("\"Lock \"b\"\"", error.Message);
    }
}
