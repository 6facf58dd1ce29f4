using System.Runtime.CompilerServices;

namespace TrioTest.Core.Tests.Nurseries;

public sealed class NurseryTests
{
    [Fact]
    public void RunAsync_CompletesWhenTheBodyAndEveryChildAreDone()
    {
        var finished = new List<string>();

        TimeSpan end = VirtualRun.Run(async () =>
        {
            await Nursery.RunAsync(nursery =>
            {
                nursery.StartSoon(async () => { await Trio.SleepAsync(TimeSpan.FromSeconds(3)); finished.Add("slow"); }, "slow");
                nursery.StartSoon(async () => { await Trio.SleepAsync(TimeSpan.FromSeconds(1)); finished.Add("fast"); }, "fast");
                return Task.CompletedTask;
            });
            return Trio.CurrentTime;
        });

        Assert.Equal(["fast", "slow"], finished);
        Assert.Equal(TimeSpan.FromSeconds(3), end);
    }

    [Fact]
    public void ChildFailure_CancelsItsSiblingsAtTheirNextCheckpoint_AndReachesTheParentAsItself()
    {
        var log = new List<string>();

        var error = Assert.Throws<InvalidOperationException>(() => VirtualRun.Run(() => Nursery.RunAsync(nursery =>
        {
            nursery.StartSoon(async () =>
            {
                try
                {
                    await Trio.SleepForeverAsync();
                }
                catch (Cancelled)
                {
                    log.Add($"sibling cancelled at {Trio.CurrentTime.TotalSeconds}");
                    throw;
                }
            }, "sibling");
            nursery.StartSoon(FailAfterOneSecondAsync, "failing");
            return Task.CompletedTask;
        })));

        Assert.Equal("child failed", error.Message);
        Assert.Contains(nameof(FailAfterOneSecondAsync), error.StackTrace);
        Assert.Equal(["sibling cancelled at 1"], log);
    }

    [Fact]
    public void SeveralFailures_AreAggregatedInTheOrderTheyHappened()
    {
        var error = Assert.Throws<NurseryException>(() => VirtualRun.Run(() => Nursery.RunAsync(nursery =>
        {
            nursery.StartSoon(async () =>
            {
                await Trio.SleepAsync(TimeSpan.FromSeconds(2));
                throw new ArgumentException("second");
            }, "b");
            nursery.StartSoon(async () =>
            {
                await Trio.SleepAsync(TimeSpan.FromSeconds(1));
                await Trio.CancelShieldedCheckpointAsync();
                throw new InvalidOperationException("first");
            }, "a");
            nursery.StartSoon(async () =>
            {
                await new CancelScope { Shield = true }.RunAsync(async () => await Trio.SleepAsync(TimeSpan.FromSeconds(2)));
                throw new ArgumentException("second");
            }, "c");
            return Task.CompletedTask;
        })));

        Assert.Equal(["first", "second"], error.InnerExceptions.Select(e => e.Message));
        Assert.StartsWith("Exceptions from Trio nursery (2 sub-exceptions)", error.Message);
    }

    [Fact]
    public void BodyFailure_CancelsTheChildren()
    {
        bool childCancelled = false;

        Assert.Throws<FormatException>(() => VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            nursery.StartSoon(async () =>
            {
                try
                {
                    await Trio.SleepForeverAsync();
                }
                catch (Cancelled)
                {
                    childCancelled = true;
                    throw;
                }
            });
            await Trio.CheckpointAsync();
            throw new FormatException("body");
        })));

        Assert.True(childCancelled);
    }

    [Fact]
    public void CancellingTheNurseryScope_CancelsEveryoneAndIsAbsorbed()
    {
        TimeSpan end = VirtualRun.Run(async () =>
        {
            await Nursery.RunAsync(async nursery =>
            {
                nursery.StartSoon(() => Trio.SleepForeverAsync().AsTask());
                nursery.StartSoon(() => Trio.SleepForeverAsync().AsTask());
                await Trio.SleepAsync(TimeSpan.FromSeconds(4));
                nursery.CancelScope.Cancel();
            });
            return Trio.CurrentTime;
        });

        Assert.Equal(TimeSpan.FromSeconds(4), end);
    }

    [Fact]
    public void ChildStartedIntoACancelledNursery_StillStarts_AndSeesCancelledAtItsFirstCheckpoint()
    {
        var log = new List<string>();

        VirtualRun.Run(() => Nursery.RunAsync(nursery =>
        {
            nursery.CancelScope.Cancel();
            nursery.StartSoon(async () =>
            {
                log.Add("started");
                try
                {
                    await Trio.CheckpointAsync();
                    log.Add("not cancelled");
                }
                catch (Cancelled)
                {
                    log.Add("cancelled");
                    throw;
                }
            });
            return Task.CompletedTask;
        }));

        Assert.Equal(["started", "cancelled"], log);
    }

    [Fact]
    public void StartSoon_OnAClosedNursery_ThrowsAndTheLoopStaysUsable()
    {
        Nursery? escaped = null;

        string message = VirtualRun.Run(async () =>
        {
            await Nursery.RunAsync(nursery =>
            {
                escaped = nursery;
                return Task.CompletedTask;
            });
            var error = Assert.Throws<InvalidOperationException>(() => escaped!.StartSoon(() => Task.CompletedTask));
            await Trio.SleepAsync(TimeSpan.FromSeconds(1));
            return error.Message;
        });

        Assert.Contains("Nursery is closed to new arrivals", message);
        Assert.True(escaped!.IsClosed);
    }

    [Fact]
    public void StartSoon_NullFunction_ThrowsArgumentNullException()
    {
        VirtualRun.Run(() => Nursery.RunAsync(nursery =>
        {
            Assert.Throws<ArgumentNullException>(() => nursery.StartSoon(null!));
            return Task.CompletedTask;
        }));
    }

    [Fact]
    public void RunAsync_NullBody_ThrowsArgumentNullException()
    {
        VirtualRun.Run(() => Assert.ThrowsAsync<ArgumentNullException>(() => Nursery.RunAsync(null!)));
    }

    [Fact]
    public void Children_GetNamesFromTheirFunctions_AndUniquePaths()
    {
        var paths = new List<string>();

        VirtualRun.Run(() => Nursery.RunAsync(nursery =>
        {
            nursery.StartSoon(RecordPathAsync);
            nursery.StartSoon(RecordPathAsync);
            nursery.StartSoon(() => RecordPathAsync(), "named");
            nursery.StartSoon(async () => await RecordPathAsync());
            return Task.CompletedTask;
        }));

        Assert.Equal(["main/RecordPathAsync", "main/RecordPathAsync#2", "main/named", "main/Children_GetNamesFromTheirFunctions_AndUniquePaths.lambda"], paths);

        Task RecordPathAsync()
        {
            paths.Add(Trio.CurrentTask.Path);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public void NestedNurseries_GivePathsThroughTheTaskTree()
    {
        string? path = null;

        VirtualRun.Run(() => Nursery.RunAsync(outer =>
        {
            outer.StartSoon(() => Nursery.RunAsync(inner =>
            {
                inner.StartSoon(() =>
                {
                    path = Trio.CurrentTask.Path;
                    return Task.CompletedTask;
                }, "leaf");
                return Task.CompletedTask;
            }), "branch");
            return Task.CompletedTask;
        }));

        Assert.Equal("main/branch/leaf", path);
    }

    [Fact]
    public void ChildTasks_ListsTheLivingChildrenInStartOrder()
    {
        IReadOnlyList<TrioTask> children = [];

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            nursery.StartSoon(() => Trio.SleepAsync(TimeSpan.FromSeconds(2)).AsTask(), "a");
            nursery.StartSoon(() => Trio.SleepAsync(TimeSpan.FromSeconds(1)).AsTask(), "b");
            nursery.StartSoon(() => Trio.SleepAsync(TimeSpan.FromSeconds(2)).AsTask(), "c");
            await Trio.SleepAsync(TimeSpan.FromSeconds(1.5));
            children = nursery.ChildTasks;
        }));

        Assert.Equal(["main/a", "main/c"], children.Select(t => t.Path));
    }

    [Fact]
    public void ChildTasks_LeavesOutGrandchildrenAndAChildNotYetStarted_ThenListsItOnceStarted()
    {
        var seen = new List<string>();

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            nursery.StartSoon(() => Nursery.RunAsync(inner =>
            {
                inner.StartSoon(() => Trio.SleepAsync(TimeSpan.FromSeconds(3)).AsTask(), "grandchild");
                return Task.CompletedTask;
            }), "parent");
            Task started = nursery.StartAsync(async status =>
            {
                await Trio.SleepAsync(TimeSpan.FromSeconds(1));
                status.Started();
                await Trio.SleepAsync(TimeSpan.FromSeconds(1));
            }, "server");
            await Trio.SleepAsync(TimeSpan.FromSeconds(0.5));
            seen.Add(string.Join(",", nursery.ChildTasks.Select(t => t.Path)));
            await started;
            seen.Add(string.Join(",", nursery.ChildTasks.Select(t => t.Path)));
            await Trio.SleepAsync(TimeSpan.FromSeconds(1.5));
            seen.Add(string.Join(",", nursery.ChildTasks.Select(t => t.Path)));
        }));

        Assert.Equal(["main/parent", "main/parent,main/server", "main/parent"], seen);
    }

    [Fact]
    public void LeavingANursery_IsAScheduleOnlyCheckpoint()
    {
        (long schedule, long cancel) = VirtualRun.Run(async () =>
        {
            TrioTask me = Trio.CurrentTask;
            await Nursery.RunAsync(_ => Task.CompletedTask);
            return (me.SchedulePoints, me.CancelPoints);
        });

        Assert.Equal((1L, 0L), (schedule, cancel));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task FailAfterOneSecondAsync()
    {
        await Trio.SleepAsync(TimeSpan.FromSeconds(1));
        throw new InvalidOperationException("child failed");
    }
}
