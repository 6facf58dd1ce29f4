namespace TrioTest.Core.Tests.Time;

public sealed class TimeProviderTests
{
    [Fact]
    public void TaskDelay_WithTheLoopsProvider_RunsInVirtualTimeAndVirtualOrder()
    {
        var log = new List<string>();

        VirtualRun.Run(() => Nursery.RunAsync(nursery =>
        {
            foreach (int seconds in new[] { 30, 10, 20 })
            {
                nursery.StartSoon(async () =>
                {
                    await Task.Delay(TimeSpan.FromSeconds(seconds), Trio.TimeProvider);
                    log.Add($"{seconds}s at {Trio.CurrentTime.TotalSeconds}");
                }, $"delay {seconds}");
            }

            return Task.CompletedTask;
        }));

        Assert.Equal(["10s at 10", "20s at 20", "30s at 30"], log);
    }

    [Fact]
    public void CancellationTokenSource_WithTheLoopsProvider_CancelsAtItsVirtualDeadline()
    {
        TimeSpan cancelledAt = VirtualRun.Run(async () =>
        {
            using var source = new CancellationTokenSource(TimeSpan.FromMinutes(5), Trio.TimeProvider);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Task.Delay(Timeout.InfiniteTimeSpan, Trio.TimeProvider, source.Token));
            return Trio.CurrentTime;
        });

        Assert.Equal(TimeSpan.FromMinutes(5), cancelledAt);
    }

    [Fact]
    public void PeriodicTimer_WithTheLoopsProvider_TicksAtEachVirtualPeriod()
    {
        var ticks = new List<double>();

        VirtualRun.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2), Trio.TimeProvider);
            for (int i = 0; i < 4; i++)
            {
                await timer.WaitForNextTickAsync();
                ticks.Add(Trio.CurrentTime.TotalSeconds);
            }
        });

        Assert.Equal([2.0, 4.0, 6.0, 8.0], ticks);
    }

    [Fact]
    public void WaitAsync_WithTheLoopsProvider_TimesOutInVirtualTime()
    {
        TimeSpan end = VirtualRun.Run(async () =>
        {
            var never = new TaskCompletionSource();
            await Assert.ThrowsAsync<TimeoutException>(() => never.Task.WaitAsync(TimeSpan.FromSeconds(42), Trio.TimeProvider));
            return Trio.CurrentTime;
        });

        Assert.Equal(TimeSpan.FromSeconds(42), end);
    }

    [Fact]
    public void ConfigureAwaitFalse_AfterAVirtualDelay_StaysOnTheLoopThread()
    {
        int loopThread = Environment.CurrentManagedThreadId;
        int resumedOn = -1;

        VirtualRun.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1), Trio.TimeProvider).ConfigureAwait(false);
            resumedOn = Environment.CurrentManagedThreadId;
        }, strategy: null);

        Assert.Equal(loopThread, resumedOn);
    }

    [Fact]
    public void EqualDeadlines_FireInCreationOrder()
    {
        var fired = new List<int>();

        VirtualRun.Run(async () =>
        {
            var timers = Enumerable.Range(0, 5)
                .Select(i => Trio.TimeProvider.CreateTimer(_ => fired.Add(i), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan))
                .ToList();
            await Trio.SleepAsync(TimeSpan.FromSeconds(2));
            timers.ForEach(t => t.Dispose());
        });

        Assert.Equal([0, 1, 2, 3, 4], fired);
    }

    [Fact]
    public void TimerChangeAndDispose_RescheduleAndStopIt()
    {
        var fired = new List<double>();

        VirtualRun.Run(async () =>
        {
            using ITimer timer = Trio.TimeProvider.CreateTimer(_ => fired.Add(Trio.CurrentTime.TotalSeconds), null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);
            Assert.True(timer.Change(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1)));
            await Trio.SleepAsync(TimeSpan.FromSeconds(5.5));
            timer.Dispose();
            Assert.False(timer.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan));
            await Trio.SleepAsync(TimeSpan.FromSeconds(10));
        });

        Assert.Equal([3.0, 4.0, 5.0], fired);
    }

    [Fact]
    public void TimerCreatedInsideACallback_FiresAtItsOwnDueTime()
    {
        var fired = new List<string>();

        VirtualRun.Run(async () =>
        {
            ITimer? inner = null;
            using ITimer outer = Trio.TimeProvider.CreateTimer(_ =>
            {
                fired.Add($"outer at {Trio.CurrentTime.TotalSeconds}");
                inner = Trio.TimeProvider.CreateTimer(_ => fired.Add($"inner at {Trio.CurrentTime.TotalSeconds}"), null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);
            }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
            await Trio.SleepAsync(TimeSpan.FromSeconds(10));
            inner?.Dispose();
        });

        Assert.Equal(["outer at 1", "inner at 3"], fired);
    }

    [Fact]
    public void AChainOfDelays_RunsToItsEndInOneAutojumpSequence_EachSeeingItsOwnTime()
    {
        var seen = new List<double>();

        VirtualRun.Run(async () =>
        {
            for (int i = 0; i < 3; i++)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), Trio.TimeProvider);
                seen.Add(Trio.TimeProvider.GetElapsedTime(0).TotalSeconds);
            }
        });

        Assert.Equal([1.0, 2.0, 3.0], seen);
    }

    [Fact]
    public void GetUtcNow_UnderAVirtualClock_IsTheFixedEpochPlusRunTime()
    {
        DateTimeOffset now = VirtualRun.Run(async () =>
        {
            await Trio.SleepAsync(TimeSpan.FromHours(1));
            return Trio.TimeProvider.GetUtcNow();
        });

        Assert.Equal(new DateTimeOffset(2000, 1, 1, 1, 0, 0, TimeSpan.Zero), now);
    }

    [Fact]
    public void CreateTimer_BadArguments_ThrowClearErrors()
    {
        VirtualRun.Run(() =>
        {
            Assert.Throws<ArgumentNullException>(() => Trio.TimeProvider.CreateTimer(null!, null, TimeSpan.Zero, TimeSpan.Zero));
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => Trio.TimeProvider.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(-2), TimeSpan.Zero));
            Assert.Contains("due time must be zero or more", error.Message);
            return Task.CompletedTask;
        });
    }

    [Fact]
    public void CreateTimerAndChange_PastTheSystemProvidersLimit_ThrowAsTheSystemProviderDoes()
    {
        TimeSpan pastLimit = TimeSpan.FromMilliseconds(uint.MaxValue);
        TimeSpan limit = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

        VirtualRun.Run(() =>
        {
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => Trio.TimeProvider.CreateTimer(_ => { }, null, pastLimit, Timeout.InfiniteTimeSpan));
            Assert.Contains("at most 0xFFFFFFFE ms", error.Message);
            using ITimer timer = Trio.TimeProvider.CreateTimer(_ => { }, null, limit, limit);
            Assert.Throws<ArgumentOutOfRangeException>(() => timer.Change(Timeout.InfiniteTimeSpan, pastLimit));
            return Task.CompletedTask;
        });
    }

    [Fact]
    public void LivePeriodicTimer_HitsTheVirtualTimeLimitInsteadOfSpinningForever()
    {
        RunOptions options = VirtualRun.Options();
        options.VirtualTimeLimit = TimeSpan.FromHours(1);

        var error = Assert.Throws<VirtualTimeLimitExceededException>(() => Trio.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), Trio.TimeProvider);
            while (await timer.WaitForNextTickAsync())
            {
            }
        }, options));

        Assert.Equal(TimeSpan.FromHours(1), error.Limit);
        Assert.Contains("virtual time limit reached", error.Message);
        Assert.Single(error.LivingTasks);
    }

    [Fact]
    public void VirtualTimeLimit_MustBePositive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RunOptions { VirtualTimeLimit = TimeSpan.Zero });
    }
}
