namespace TrioTest.Core.Tests.Cancellation;

public sealed class CancelScopeTests
{
    private static readonly TimeSpan s_oneSecond = TimeSpan.FromSeconds(1);

    [Fact]
    public void Cancel_IsLevelTriggered_EveryCancelPointInsideThrowsUntilTheScopeExits()
    {
        int cancelledPoints = 0;
        var scope = new CancelScope();

        VirtualRun.Run(() => scope.RunAsync(async () =>
        {
            scope.Cancel();
            for (int i = 0; i < 3; i++)
            {
                try
                {
                    await Trio.CheckpointAsync();
                }
                catch (Cancelled)
                {
                    cancelledPoints++;
                }
            }
        }));

        Assert.Equal(3, cancelledPoints);
        Assert.False(scope.CancelledCaught);
    }

    [Fact]
    public void RunAsync_CancelledBody_IsAbsorbedAndReportedAsCaught()
    {
        var scope = new CancelScope();
        bool reachedAfter = false;

        VirtualRun.Run(async () =>
        {
            await scope.RunAsync(async () =>
            {
                scope.Cancel("enough");
                await Trio.SleepForeverAsync();
            });
            reachedAfter = true;
        });

        Assert.True(reachedAfter);
        Assert.True(scope.CancelCalled);
        Assert.True(scope.CancelledCaught);
        Assert.Equal(new CancelReason(CancelSource.Explicit, "enough", "main"), scope.Reason);
    }

    [Fact]
    public void NestedCancelledScopes_TheOutermostCatches_AndOnlyItReportsCaught()
    {
        var outer = new CancelScope();
        var inner = new CancelScope();

        VirtualRun.Run(() => outer.RunAsync(() => inner.RunAsync(async () =>
        {
            inner.Cancel();
            outer.Cancel();
            await Trio.CheckpointAsync();
        })));

        Assert.False(inner.CancelledCaught);
        Assert.True(outer.CancelledCaught);
    }

    [Fact]
    public void Shield_BlocksOuterCancellation_ButNotItsOwn()
    {
        var outer = new CancelScope();
        var shield = new CancelScope { Shield = true };
        bool shieldedSleepFinished = false;

        VirtualRun.Run(() => outer.RunAsync(async () =>
        {
            outer.Cancel();
            await shield.RunAsync(async () =>
            {
                await Trio.SleepAsync(s_oneSecond);
                shieldedSleepFinished = true;
            });
            await Trio.CheckpointAsync();
        }));

        Assert.True(shieldedSleepFinished);
        Assert.False(shield.CancelledCaught);
        Assert.True(outer.CancelledCaught);
    }

    [Fact]
    public void Shield_TurnedOffWhileWaiting_DeliversTheOuterCancellation()
    {
        var outer = new CancelScope();
        var shield = new CancelScope { Shield = true };
        TimeSpan end = default;

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            nursery.StartSoon(() => outer.RunAsync(() => shield.RunAsync(() => Trio.SleepForeverAsync().AsTask())), "shielded");
            await Trio.SleepAsync(s_oneSecond);
            outer.Cancel();
            await Trio.SleepAsync(s_oneSecond);
            shield.Shield = false;
            await Trio.WaitAllTasksBlockedAsync();
            end = Trio.CurrentTime;
        }));

        Assert.True(outer.CancelledCaught);
        Assert.False(shield.CancelledCaught);
        Assert.Equal(TimeSpan.FromSeconds(2), end);
    }

    [Fact]
    public void CancelBeforeEntry_CancelsOnEntry()
    {
        var scope = new CancelScope();
        scope.Cancel();

        VirtualRun.Run(() => scope.RunAsync(() => Trio.CheckpointAsync().AsTask()));

        Assert.True(scope.CancelledCaught);
    }

    [Fact]
    public void Deadline_MovedAfterEntry_TakesEffect()
    {
        var scope = new CancelScope { RelativeDeadline = TimeSpan.FromSeconds(10) };
        TimeSpan end = default;

        VirtualRun.Run(async () =>
        {
            await scope.RunAsync(async () =>
            {
                Assert.Equal(TimeSpan.FromSeconds(10), scope.Deadline);
                scope.Deadline = TimeSpan.FromSeconds(3);
                await Trio.SleepForeverAsync();
            });
            end = Trio.CurrentTime;
        });

        Assert.Equal(TimeSpan.FromSeconds(3), end);
        Assert.True(scope.CancelledCaught);
        Assert.Equal(CancelSource.Deadline, scope.Reason!.Source);
    }

    [Fact]
    public void Deadline_PushedLaterAfterEntry_TheOldDeadlineNoLongerFires()
    {
        var scope = new CancelScope { RelativeDeadline = TimeSpan.FromSeconds(1) };
        TimeSpan end = default;

        VirtualRun.Run(async () =>
        {
            await scope.RunAsync(async () =>
            {
                scope.RelativeDeadline = TimeSpan.FromSeconds(5);
                await Trio.SleepForeverAsync();
            });
            end = Trio.CurrentTime;
        });

        Assert.Equal(TimeSpan.FromSeconds(5), end);
    }

    [Fact]
    public void RunAsync_TwiceOnOneScope_ThrowsAndSaysToCreateANewOne()
    {
        var scope = new CancelScope();

        var error = Assert.Throws<InvalidOperationException>(() => VirtualRun.Run(async () =>
        {
            await scope.RunAsync(() => Task.CompletedTask);
            await scope.RunAsync(() => Task.CompletedTask);
        }));

        Assert.Contains("create a new CancelScope", error.Message);
    }

    [Fact]
    public void BothDeadlines_ThrowAndSayChooseOne()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new CancelScope { Deadline = s_oneSecond, RelativeDeadline = s_oneSecond });

        Assert.Contains("choose one", error.Message);
    }

    [Fact]
    public void NegativeRelativeDeadline_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CancelScope { RelativeDeadline = TimeSpan.FromSeconds(-1) });
    }

    [Fact]
    public void Token_FiresWhenTheScopeIsCancelled_AndItsExceptionIsAbsorbedLikeCancelled()
    {
        var scope = new CancelScope { RelativeDeadline = TimeSpan.FromSeconds(2) };
        TimeSpan end = default;

        VirtualRun.Run(async () =>
        {
            await scope.RunAsync(() => Task.Delay(TimeSpan.FromHours(1), Trio.TimeProvider, Trio.CancellationToken));
            end = Trio.CurrentTime;
        });

        Assert.True(scope.CancelledCaught);
        Assert.Equal(TimeSpan.FromSeconds(2), end);
    }

    [Fact]
    public void Token_OfAnInnerScope_CancelledByTheOuter_IsCaughtByTheOuterAsCancelled()
    {
        var outer = new CancelScope { RelativeDeadline = s_oneSecond };
        var inner = new CancelScope();

        VirtualRun.Run(() => outer.RunAsync(() => inner.RunAsync(() => Task.Delay(Timeout.InfiniteTimeSpan, Trio.TimeProvider, inner.Token))));

        Assert.False(inner.CancelledCaught);
        Assert.True(outer.CancelledCaught);
    }

    [Fact]
    public void ForeignOperationCanceledException_IsNotSwallowed()
    {
        var scope = new CancelScope();
        using var userSource = new CancellationTokenSource();
        userSource.Cancel();

        Assert.Throws<OperationCanceledException>(() => VirtualRun.Run(() => scope.RunAsync(async () =>
        {
            scope.Cancel();
            await Task.Yield();
            userSource.Token.ThrowIfCancellationRequested();
        })));
        Assert.False(scope.CancelledCaught);
    }

    [Fact]
    public void Cancelled_MessageNamesTheSourceReasonAndTask()
    {
        Cancelled? seen = null;

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            var scope = new CancelScope();
            nursery.StartSoon(() => scope.RunAsync(async () =>
            {
                try
                {
                    await Trio.SleepForeverAsync();
                }
                catch (Cancelled e)
                {
                    seen = e;
                    throw;
                }
            }), "sleeper");
            await Trio.WaitAllTasksBlockedAsync();
            scope.Cancel("because");
        }));

        Assert.Equal("cancelled due to explicit with reason \"because\" from task main", seen!.Message);
    }

    [Fact]
    public void ManyNestedScopes_CancellingTheOutermost_DoesNotOverflowTheStack()
    {
        var outer = new CancelScope();
        int depth = 0;

        VirtualRun.Run(() => outer.RunAsync(() => Nest(2000)));

        Assert.Equal(2000, depth);
        Assert.True(outer.CancelledCaught);

        async Task Nest(int remaining)
        {
            if (remaining == 0)
            {
                outer.Cancel();
                await Trio.CheckpointAsync();
                return;
            }

            depth++;
            await new CancelScope().RunAsync(() => Nest(remaining - 1));
        }
    }

    [Fact]
    public void CancelFromAnotherThread_TakesEffectOnTheLoop()
    {
        var scope = new CancelScope();

        VirtualRun.Run(() => scope.RunAsync(async () =>
        {
            await Trio.ToThreadAsync(() => scope.Cancel("from a worker"));
            await Trio.SleepForeverAsync();
        }));

        Assert.True(scope.CancelledCaught);
        Assert.Equal("from a worker", scope.Reason!.Reason);
    }

    [Fact]
    public void OuterScope_CatchesItsCancellationsOutOfANurseryGroup_AndTheOtherFailurePropagates()
    {
        // Trio port, item 53: the nursery keeps the Cancelled that belong to the outer scope; the outer scope splits them out.
        var outer = new CancelScope();
        NurseryException? group = null;

        var error = Assert.Throws<KeyNotFoundException>(() => VirtualRun.Run(async () =>
        {
            outer.Cancel();
            await outer.RunAsync(async () =>
            {
                try
                {
                    await Nursery.RunAsync(nursery =>
                    {
                        for (int i = 0; i < 3; i++)
                        {
                            nursery.StartSoon(() => Trio.SleepForeverAsync().AsTask(), "sleeper");
                        }

                        nursery.StartSoon(() => throw new KeyNotFoundException("key"), "raiser");
                        return Task.CompletedTask;
                    });
                }
                catch (NurseryException e)
                {
                    group = e;
                    throw;
                }
            });
        }));

        Assert.Equal("key", error.Message);
        Assert.NotNull(group);
        Assert.Equal(4, group.InnerExceptions.Count);
        Assert.Equal(3, group.InnerExceptions.Count(e => e is Cancelled));
        Assert.Single(group.InnerExceptions, e => e is KeyNotFoundException);
        Assert.True(outer.CancelledCaught);
    }

    [Fact]
    public void NurseryInsideAnUncancelledScope_AbsorbsItsOwnCancellations_AndRethrowsTheFailureAsItself()
    {
        var outer = new CancelScope();

        Assert.Throws<KeyNotFoundException>(() => VirtualRun.Run(() => outer.RunAsync(() => Nursery.RunAsync(nursery =>
        {
            nursery.StartSoon(() => Trio.SleepForeverAsync().AsTask(), "sleeper");
            nursery.StartSoon(async () =>
            {
                await Trio.CheckpointAsync();
                throw new KeyNotFoundException("key");
            }, "raiser");
            return Task.CompletedTask;
        }))));

        Assert.False(outer.CancelledCaught);
    }

    [Fact]
    public void OuterScope_CatchesCancellationsOutOfNestedGroups()
    {
        var outer = new CancelScope();

        var error = Assert.Throws<NurseryException>(() => VirtualRun.Run(async () =>
        {
            outer.Cancel();
            await outer.RunAsync(() => Nursery.RunAsync(nursery =>
            {
                nursery.StartSoon(() => Nursery.RunAsync(inner =>
                {
                    inner.StartSoon(() => Trio.SleepForeverAsync().AsTask(), "inner sleeper");
                    inner.StartSoon(() => throw new KeyNotFoundException("inner"), "inner raiser");
                    return Task.CompletedTask;
                }), "inner nursery");
                nursery.StartSoon(() => throw new FormatException("outer"), "outer raiser");
                return Task.CompletedTask;
            }));
        }));

        Assert.Equal(["outer", "inner"], error.InnerExceptions.Select(e => e.Message).Order().Reverse());
        Assert.DoesNotContain(error.InnerExceptions, e => e is Cancelled or NurseryException);
        Assert.True(outer.CancelledCaught);
    }

    [Fact]
    public void UnenteredScope_IsCancelledOnceItsDeadlinePasses_AndStaysSo()
    {
        // Trio port, item 61: cancel_called checks the deadline while the scope is active or not yet entered.
        bool bodyPassedItsCheckpoint = false;
        var before = new List<bool>();
        CancelScope? scope = null;

        VirtualRun.Run(async () =>
        {
            scope = new CancelScope { Deadline = Trio.CurrentTime + TimeSpan.FromSeconds(1) };
            before.Add(scope.CancelCalled);
            await Trio.SleepAsync(TimeSpan.FromSeconds(2));
            before.Add(scope.CancelCalled);
            await scope.RunAsync(async () =>
            {
                await Trio.CheckpointAsync();
                bodyPassedItsCheckpoint = true;
            });
        });

        Assert.Equal([false, true], before);
        Assert.True(scope!.CancelCalled);
        Assert.True(scope.CancelledCaught);
        Assert.Equal(CancelSource.Deadline, scope.Reason!.Source);
        Assert.False(bodyPassedItsCheckpoint);
    }

    [Fact]
    public void UnenteredScopeWithARelativeDeadline_IsNotCancelledBeforeEntry()
    {
        bool cancelCalled = true;

        VirtualRun.Run(async () =>
        {
            var scope = new CancelScope { RelativeDeadline = TimeSpan.FromSeconds(1) };
            await Trio.SleepAsync(TimeSpan.FromSeconds(2));
            cancelCalled = scope.CancelCalled;
        });

        Assert.False(cancelCalled);
    }
}
