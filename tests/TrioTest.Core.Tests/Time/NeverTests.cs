namespace TrioTest.Core.Tests.Time;

/// <summary>"Never" has one spelling across the API, <see cref="Timeout.InfiniteTimeSpan"/>, as in the BCL's timers.</summary>
public sealed class NeverTests
{
    [Fact]
    public void CancelScope_WithoutADeadline_ReportsInfiniteDeadlines()
    {
        var unentered = new CancelScope();
        (TimeSpan deadline, TimeSpan relative) = VirtualRun.Run(async () =>
        {
            var scope = new CancelScope();
            (TimeSpan, TimeSpan) inside = default;
            await scope.RunAsync(() =>
            {
                inside = (scope.Deadline, scope.RelativeDeadline);
                return Task.CompletedTask;
            });
            return inside;
        });

        Assert.Equal(Timeout.InfiniteTimeSpan, unentered.Deadline);
        Assert.Equal(Timeout.InfiniteTimeSpan, unentered.RelativeDeadline);
        Assert.Equal(Timeout.InfiniteTimeSpan, deadline);
        Assert.Equal(Timeout.InfiniteTimeSpan, relative);
    }

    [Fact]
    public void CancelScope_SetToInfinite_HasNoDeadline()
    {
        (bool finished, TimeSpan ended, TimeSpan deadline) = VirtualRun.Run(async () =>
        {
            var scope = new CancelScope { Deadline = TimeSpan.FromSeconds(1) };
            await scope.RunAsync(async () =>
            {
                scope.Deadline = Timeout.InfiniteTimeSpan;
                await Trio.SleepAsync(TimeSpan.FromSeconds(5));
            });
            return (!scope.CancelledCaught, Trio.CurrentTime, scope.Deadline);
        });

        Assert.True(finished);
        Assert.Equal(TimeSpan.FromSeconds(5), ended);
        Assert.Equal(Timeout.InfiniteTimeSpan, deadline);
    }

    [Fact]
    public void SleepAsync_Infinite_SleepsUntilCancelled()
    {
        TimeSpan ended = VirtualRun.Run(async () =>
        {
            await Trio.MoveOnAfterAsync(TimeSpan.FromHours(2), () => Trio.SleepAsync(Timeout.InfiniteTimeSpan));
            return Trio.CurrentTime;
        });

        Assert.Equal(TimeSpan.FromHours(2), ended);
    }

    [Fact]
    public void MoveOnAfter_Infinite_NeverCancels()
    {
        (bool finished, TimeSpan relative) = VirtualRun.Run(async () =>
        {
            TimeSpan seen = TimeSpan.Zero;
            bool done = await Trio.MoveOnAfterAsync(Timeout.InfiniteTimeSpan, async scope =>
            {
                seen = scope.RelativeDeadline;
                await Trio.SleepAsync(TimeSpan.FromDays(300));
            });
            return (done, seen);
        });

        Assert.True(finished);
        Assert.Equal(Timeout.InfiniteTimeSpan, relative);
    }

    [Fact]
    public void Durations_OtherNegativeValues_SayWhatIsAllowed()
    {
        var sleep = Assert.Throws<ArgumentOutOfRangeException>(() => VirtualRun.Run(() => Trio.SleepAsync(TimeSpan.FromSeconds(-1)).AsTask()));
        var scope = Assert.Throws<ArgumentOutOfRangeException>(() => new CancelScope { RelativeDeadline = TimeSpan.FromSeconds(-2) });

        Assert.Contains("Timeout.InfiniteTimeSpan for never", sleep.Message);
        Assert.Contains("Timeout.InfiniteTimeSpan for no deadline", scope.Message);
    }

    [Fact]
    public void RunOptions_VirtualTimeLimit_IsInfiniteByDefault_AndRejectsZero()
    {
        var options = new RunOptions();

        Assert.Equal(Timeout.InfiniteTimeSpan, options.VirtualTimeLimit);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => options.VirtualTimeLimit = TimeSpan.Zero);
        Assert.Contains("Timeout.InfiniteTimeSpan for no limit", error.Message);
    }

    [Fact]
    public void VirtualClock_Parameterless_NeverAutojumps()
    {
        Assert.Equal(Timeout.InfiniteTimeSpan, new VirtualClock().AutojumpThreshold);
        Assert.Equal(TimeSpan.Zero, VirtualClock.CreateAutojumping().AutojumpThreshold);
    }

    [Fact]
    public void TrioVirtualClock_GivesTheRunsClockWithoutACast()
    {
        TimeSpan after = VirtualRun.Run(async () =>
        {
            Trio.VirtualClock.Jump(TimeSpan.FromMinutes(3));
            await Trio.CheckpointAsync();
            return Trio.CurrentTime;
        });

        Assert.Equal(TimeSpan.FromMinutes(3), after);
    }

    [Fact]
    public void TrioVirtualClock_UnderTheSystemClock_SaysHowToGetAVirtualOne()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Trio.Run(() =>
        {
            _ = Trio.VirtualClock;
            return Task.CompletedTask;
        }));

        Assert.Contains("RunOptions.Clock = new VirtualClock", error.Message);
    }
}
