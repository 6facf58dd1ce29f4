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
}
