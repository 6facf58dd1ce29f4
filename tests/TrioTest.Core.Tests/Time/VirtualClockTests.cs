namespace TrioTest.Core.Tests.Time;

public sealed class VirtualClockTests
{
    [Fact]
    public void Autojump_ThroughIncreasingSleeps_ReachesTheSumOfThem()
    {
        TimeSpan end = VirtualRun.Run(async () =>
        {
            for (int i = 0; i < 10; i++)
            {
                await Trio.SleepAsync(TimeSpan.FromSeconds(10 * i));
            }

            return Trio.CurrentTime;
        });

        Assert.Equal(TimeSpan.FromSeconds(450), end);
    }

    [Fact]
    public void Jump_MovesTimeAndWakesSleepersWhoseDeadlinePassed()
    {
        var clock = new VirtualClock();
        var log = new List<string>();

        Trio.Run(() => Nursery.RunAsync(async nursery =>
        {
            nursery.StartSoon(async () =>
            {
                await Trio.SleepAsync(TimeSpan.FromSeconds(5));
                log.Add($"woke at {Trio.CurrentTime.TotalSeconds}");
            });
            await Trio.CheckpointAsync();
            clock.Jump(TimeSpan.FromSeconds(3));
            log.Add($"jumped to {Trio.CurrentTime.TotalSeconds}");
            await Trio.CheckpointAsync();
            clock.Jump(TimeSpan.FromSeconds(4));
        }), new RunOptions { Clock = clock });

        Assert.Equal(["jumped to 3", "woke at 7"], log);
    }

    [Fact]
    public void Jump_Backwards_ThrowsTimeCantGoBackwards()
    {
        var clock = new VirtualClock();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => clock.Jump(TimeSpan.FromSeconds(-1)));

        Assert.Contains("time can't go backwards", error.Message);
        Assert.Equal(TimeSpan.Zero, clock.Now);
    }

    [Fact]
    public void Rate_ChangesAreRebased_TimeAlreadyPassedIsKept()
    {
        var clock = new VirtualClock();
        clock.Jump(TimeSpan.FromSeconds(5));

        clock.Rate = 1000;
        SpinWait.SpinUntil(() => clock.Now > TimeSpan.FromSeconds(5.001));
        clock.Rate = 0;
        TimeSpan frozen = clock.Now;
        Thread.Sleep(5);

        Assert.True(frozen > TimeSpan.FromSeconds(5), $"time at rate 1000 did not advance: {frozen}");
        Assert.Equal(frozen, clock.Now);
    }

    [Fact]
    public void BadSettings_ThrowWithTheAllowedValues()
    {
        var clock = new VirtualClock();

        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Rate = -1);
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Rate = double.NaN);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => clock.AutojumpThreshold = TimeSpan.FromSeconds(-1));
        Assert.Contains("Timeout.InfiniteTimeSpan", error.Message);
    }

    [Fact]
    public void WithoutAutojump_PendingTimersThatCanNeverFire_AreADeadlockThatSaysWhy()
    {
        var error = Assert.Throws<DeadlockException>(() => Trio.Run(
            () => Trio.SleepAsync(TimeSpan.FromSeconds(1)).AsTask(),
            new RunOptions { Clock = new VirtualClock() }));

        Assert.Contains("does not autojump", error.Message);
    }

    [Fact]
    public void JumpFromAnotherThreadDuringARun_Throws()
    {
        var clock = VirtualClock.CreateAutojumping();
        InvalidOperationException? error = null;

        Trio.Run(() => Trio.ToThreadAsync(() => error = Assert.Throws<InvalidOperationException>(() => clock.Jump(TimeSpan.FromSeconds(1)))),
            new RunOptions { Clock = clock });

        Assert.Contains("from one of the run's tasks", error!.Message);
    }
}
