using System.Diagnostics;

namespace TrioTest.Core.Tests.Cancellation;

public sealed class TimeoutTests
{
    [Fact]
    public void MoveOnAfter_AroundALongerSleep_EndsAtItsDeadlineInVirtualTime()
    {
        var realTime = Stopwatch.StartNew();

        (bool finished, TimeSpan end) = VirtualRun.Run(async () =>
        {
            bool done = await Trio.MoveOnAfterAsync(TimeSpan.FromSeconds(10), () => Trio.SleepAsync(TimeSpan.FromSeconds(20)).AsTask());
            return (done, Trio.CurrentTime);
        });

        Assert.False(finished);
        Assert.Equal(TimeSpan.FromSeconds(10), end);
        Assert.True(realTime.Elapsed < TimeSpan.FromSeconds(5), $"10 virtual seconds took {realTime.Elapsed} of real time");
    }

    [Fact]
    public void MoveOnAfter_BodyFinishingFirst_ReturnsTrue()
    {
        bool finished = VirtualRun.Run(() => Trio.MoveOnAfterAsync(TimeSpan.FromSeconds(10), () => Trio.SleepAsync(TimeSpan.FromSeconds(1)).AsTask()));

        Assert.True(finished);
    }

    [Fact]
    public void FailAfter_AroundAnHourLongHang_ThrowsTooSlowAtTheDeadline()
    {
        TimeSpan end = default;

        var error = Assert.Throws<TooSlowException>(() => VirtualRun.Run(async () =>
        {
            try
            {
                await Trio.FailAfterAsync(TimeSpan.FromHours(1), () => Trio.SleepForeverAsync().AsTask());
            }
            finally
            {
                end = Trio.CurrentTime;
            }
        }));

        Assert.Equal(TimeSpan.FromHours(1), end);
        Assert.Equal(TimeSpan.FromHours(1), error.Deadline);
    }

    [Fact]
    public void FailAfter_ReturnsTheBodysResult()
    {
        int result = VirtualRun.Run(() => Trio.FailAfterAsync(TimeSpan.FromSeconds(5), async () =>
        {
            await Trio.SleepAsync(TimeSpan.FromSeconds(1));
            return 5;
        }));

        Assert.Equal(5, result);
    }

    [Fact]
    public void NestedTimeouts_TheEarlierDeadlineWins_AndOnlyItsScopeCatches()
    {
        var log = new List<string>();

        VirtualRun.Run(async () =>
        {
            bool outerFinished = await Trio.MoveOnAfterAsync(TimeSpan.FromSeconds(5), async () =>
            {
                bool innerFinished = await Trio.MoveOnAfterAsync(TimeSpan.FromSeconds(2), () => Trio.SleepAsync(TimeSpan.FromSeconds(10)).AsTask());
                log.Add($"inner finished={innerFinished} at {Trio.CurrentTime.TotalSeconds}");
                await Trio.SleepAsync(TimeSpan.FromSeconds(10));
            });
            log.Add($"outer finished={outerFinished} at {Trio.CurrentTime.TotalSeconds}");
        });

        Assert.Equal(["inner finished=False at 2", "outer finished=False at 5"], log);
    }

    [Fact]
    public void FailAfterInsideMoveOnAfter_OuterDeadlineFirst_MovesOnWithoutTooSlow()
    {
        bool finished = VirtualRun.Run(() => Trio.MoveOnAfterAsync(TimeSpan.FromSeconds(1),
            () => Trio.FailAfterAsync(TimeSpan.FromSeconds(5), () => Trio.SleepForeverAsync().AsTask())));

        Assert.False(finished);
    }

    [Fact]
    public void ShieldedFailAfter_StillFailsAtItsOwnDeadlineWhenTheOuterIsCancelled()
    {
        var outer = new CancelScope();

        Assert.Throws<TooSlowException>(() => VirtualRun.Run(() => outer.RunAsync(async () =>
        {
            outer.Cancel();
            await Trio.FailAfterAsync(TimeSpan.FromSeconds(1), () => Trio.SleepForeverAsync().AsTask(), shield: true);
        })));
    }

    [Fact]
    public void MoveOnAt_UsesAnAbsoluteDeadline()
    {
        TimeSpan end = VirtualRun.Run(async () =>
        {
            await Trio.SleepAsync(TimeSpan.FromSeconds(3));
            await Trio.MoveOnAtAsync(TimeSpan.FromSeconds(4), () => Trio.SleepForeverAsync().AsTask());
            return Trio.CurrentTime;
        });

        Assert.Equal(TimeSpan.FromSeconds(4), end);
    }

    [Fact]
    public void FailAt_DeadlineAlreadyPassed_FailsAtTheFirstCheckpoint()
    {
        Assert.Throws<TooSlowException>(() => VirtualRun.Run(async () =>
        {
            await Trio.SleepAsync(TimeSpan.FromSeconds(3));
            await Trio.FailAtAsync(TimeSpan.FromSeconds(1), () => Trio.CheckpointAsync().AsTask());
        }));
    }

    [Fact]
    public void NegativeTimeouts_ThrowArgumentOutOfRange()
    {
        VirtualRun.Run(async () =>
        {
            await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Trio.MoveOnAfterAsync(TimeSpan.FromSeconds(-1), () => Task.CompletedTask));
            await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Trio.FailAfterAsync(TimeSpan.FromSeconds(-1), () => Task.CompletedTask));
            Assert.Throws<ArgumentOutOfRangeException>(() => Trio.SleepAsync(TimeSpan.FromSeconds(-1)));
        });
    }

    [Fact]
    public void NullBodies_ThrowArgumentNullException()
    {
        VirtualRun.Run(async () =>
        {
            await Assert.ThrowsAsync<ArgumentNullException>(() => Trio.MoveOnAfterAsync(TimeSpan.FromSeconds(1), null!));
            await Assert.ThrowsAsync<ArgumentNullException>(() => Trio.FailAfterAsync<int>(TimeSpan.FromSeconds(1), null!));
            await Assert.ThrowsAsync<ArgumentNullException>(() => new CancelScope().RunAsync(null!));
        });
    }

    [Fact]
    public void RunWithCancellation_ExternalTokenCancels_ThrowsOperationCanceledForThatToken()
    {
        using var source = new CancellationTokenSource();

        var error = Assert.Throws<OperationCanceledException>(() => VirtualRun.Run(() => Trio.RunWithCancellationAsync(source.Token, async () =>
        {
            source.Cancel();
            await Trio.SleepForeverAsync();
        })));

        Assert.Equal(source.Token, error.CancellationToken);
    }
}
