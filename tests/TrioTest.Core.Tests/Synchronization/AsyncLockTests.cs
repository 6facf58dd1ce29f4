namespace TrioTest.Core.Tests.Synchronization;

public sealed class AsyncLockTests
{
    [Fact]
    public void Waiters_GetTheLockInFifoOrder_WhateverTheSchedule()
    {
        for (ulong seed = 0; seed < 20; seed++)
        {
            var l = new StrictFifoLock("fifo");
            var order = new List<int>();

            VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
            {
                await l.AcquireAsync();
                for (int i = 0; i < 5; i++)
                {
                    int index = i;
                    nursery.StartSoon(async () =>
                    {
                        using (await l.LockAsync())
                        {
                            order.Add(index);
                            await Trio.CheckpointAsync();
                        }
                    });
                    await Trio.WaitAllTasksBlockedAsync();
                }

                l.Release();
            }), seed, new RandomStrategy());

            Assert.Equal([0, 1, 2, 3, 4], order);
        }
    }

    [Fact]
    public void CancelledWaiter_NeverGetsTheLock_AndTheNextOneDoes()
    {
        var l = new AsyncLock("l");
        var log = new List<string>();

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            await l.AcquireAsync();
            var impatient = new CancelScope();
            nursery.StartSoon(() => impatient.RunAsync(async () =>
            {
                await l.AcquireAsync();
                log.Add("impatient got it");
            }), "impatient");
            nursery.StartSoon(async () =>
            {
                await l.AcquireAsync();
                log.Add($"patient got it, owner {l.Owner!.Path}");
                l.Release();
            }, "patient");
            await Trio.WaitAllTasksBlockedAsync();
            impatient.Cancel();
            await Trio.WaitAllTasksBlockedAsync();
            Assert.Equal(1, l.GetStatistics().TasksWaiting);
            l.Release();
        }));

        Assert.Equal(["patient got it, owner main/patient"], log);
        Assert.False(l.IsLocked);
    }

    [Fact]
    public void LockHeldAcrossAnError_IsReleasedByTheUsingBlock()
    {
        var l = new AsyncLock();

        Assert.Throws<FormatException>(() => VirtualRun.Run(async () =>
        {
            using (await l.LockAsync())
            {
                await Trio.CheckpointAsync();
                throw new FormatException();
            }
        }));

        Assert.False(l.IsLocked);
    }

    [Fact]
    public void ReAcquiring_ThrowsAndSaysItIsNotReentrant()
    {
        var l = new AsyncLock("accounts");

        string message = VirtualRun.Run(async () =>
        {
            await l.AcquireAsync();
            return Assert.Throws<InvalidOperationException>(() => l.AcquireAsync()).Message;
        });

        Assert.Contains("not re-entrant", message);
    }

    [Fact]
    public void ReleaseByANonOwner_ThrowsNamingTheOwner()
    {
        var l = new AsyncLock("accounts");
        string? message = null;

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            await l.AcquireAsync();
            nursery.StartSoon(() =>
            {
                message = Assert.Throws<InvalidOperationException>(l.Release).Message;
                return Task.CompletedTask;
            }, "thief");
            await Trio.WaitAllTasksBlockedAsync();
            l.Release();
        }));

        Assert.Equal("Task main/thief released Lock \"accounts\", which main holds: only the task that acquired a lock may release it.", message);
    }

    [Fact]
    public void TryAcquire_FailsWhileAnotherTaskHoldsIt_AndNeverYields()
    {
        var l = new AsyncLock();
        var results = new List<bool>();
        long pointsSpent = -1;

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            long before = Trio.CurrentTask.SchedulePoints + Trio.CurrentTask.CancelPoints;
            results.Add(l.TryAcquire());
            pointsSpent = Trio.CurrentTask.SchedulePoints + Trio.CurrentTask.CancelPoints - before;
            nursery.StartSoon(() =>
            {
                results.Add(l.TryAcquire());
                return Task.CompletedTask;
            }, "other");
            await Trio.WaitAllTasksBlockedAsync();
            l.Release();
        }));

        Assert.Equal([true, false], results);
        Assert.Equal(0, pointsSpent);
    }

    [Fact]
    public void TwoLocksTakenInOppositeOrders_AreADeadlockNamingBothTasksBothLocksAndTheCycle()
    {
        var a = new AsyncLock("a");
        var b = new AsyncLock("b");

        var error = Assert.Throws<DeadlockException>(() => VirtualRun.Run(() => Nursery.RunAsync(nursery =>
        {
            nursery.StartSoon(async () =>
            {
                using (await a.LockAsync())
                {
                    await Trio.CheckpointAsync("holding a");
                    using (await b.LockAsync())
                    {
                    }
                }
            }, "t1");
            nursery.StartSoon(async () =>
            {
                using (await b.LockAsync())
                {
                    await Trio.CheckpointAsync("holding b");
                    using (await a.LockAsync())
                    {
                    }
                }
            }, "t2");
            return Task.CompletedTask;
        })));

        Assert.Equal(["main/t1", "main/t2", "main/t1"], error.Cycle);
        Assert.Contains("main/t1  waits for Lock \"b\" held by main/t2", error.Message);
        Assert.Contains("main/t2  waits for Lock \"a\" held by main/t1", error.Message);
        Assert.Contains("cycle: main/t1 -> main/t2 -> main/t1", error.Message);
    }

    [Fact]
    public void OwnerExitingWithoutReleasing_BreaksTheLockForWaitersAndLaterAcquirers()
    {
        var l = new AsyncLock("leaky");
        var errors = new List<string>();

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            nursery.StartSoon(async () =>
            {
                await l.AcquireAsync();
                await Trio.SleepAsync(TimeSpan.FromSeconds(1));
            }, "forgetful");
            await Trio.WaitAllTasksBlockedAsync();
            nursery.StartSoon(async () =>
            {
                try
                {
                    await l.AcquireAsync();
                }
                catch (BrokenResourceException e)
                {
                    errors.Add(e.Message);
                }
            }, "waiter");
            await Trio.WaitAllTasksBlockedAsync();
            Assert.Equal(1, l.GetStatistics().TasksWaiting);
            await Trio.SleepAsync(TimeSpan.FromSeconds(2));
            errors.Add(Assert.Throws<BrokenResourceException>(() => l.TryAcquire()).Message);
        }));

        Assert.Equal(2, errors.Count);
        Assert.All(errors, message => Assert.Contains("task main/forgetful, exited without releasing it", message));
        Assert.True(l.IsBroken);
    }

    [Fact]
    public void LockAsyncWithConfigureAwaitFalse_StaysOnTheLoop()
    {
        var l = new AsyncLock();
        int loop = Environment.CurrentManagedThreadId;
        int inside = -1;
        RunOptions options = VirtualRun.Options();
        options.EscapePolicy = EscapePolicy.Fail;

        Trio.Run(() => Nursery.RunAsync(async nursery =>
        {
            await l.AcquireAsync();
            nursery.StartSoon(async () =>
            {
                using (await l.LockAsync().ConfigureAwait(false))
                {
                    inside = Environment.CurrentManagedThreadId;
                }
            });
            await Trio.WaitAllTasksBlockedAsync();
            l.Release();
        }), options);

        Assert.Equal(loop, inside);
    }

    [Fact]
    public void AcquireInACancelledScope_IsCancelledEvenIfAShieldGoesUpDuringTheYield()
    {
        var l = new AsyncLock();
        var outer = new CancelScope();
        var inner = new CancelScope();
        bool cancelled = false;

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            await l.AcquireAsync();
            await outer.RunAsync(() => inner.RunAsync(async () =>
            {
                outer.Cancel();
                nursery.StartSoon(() =>
                {
                    inner.Shield = true;
                    return Task.CompletedTask;
                });
                try
                {
                    await new AsyncLock().AcquireAsync();
                }
                catch (Cancelled)
                {
                    cancelled = true;
                    throw;
                }
            }));
            l.Release();
        }));

        Assert.True(cancelled);
    }
}
