namespace TrioTest.Core.Tests.Synchronization;

public sealed class EventTests
{
    [Fact]
    public void Set_WakesEveryWaiter_AndLaterWaitsPassAtOnce()
    {
        var ready = new Event("ready");
        var log = new List<string>();

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            for (int i = 0; i < 3; i++)
            {
                int index = i;
                nursery.StartSoon(async () =>
                {
                    await ready.WaitAsync();
                    log.Add($"w{index} at {Trio.CurrentTime.TotalSeconds}");
                });
            }

            await Trio.SleepAsync(TimeSpan.FromSeconds(5));
            Assert.Equal(new EventStatistics(false, 3), ready.GetStatistics());
            ready.Set();
            ready.Set();
            await ready.WaitAsync();
            log.Add("main passed");
        }));

        Assert.Equal(["w0 at 5", "w1 at 5", "w2 at 5", "main passed"], log);
        Assert.True(ready.IsSet);
    }

    [Fact]
    public void WaitOnASetEvent_IsStillACheckpoint()
    {
        var done = new Event();
        done.Set();

        long schedulePoints = VirtualRun.Run(async () =>
        {
            await done.WaitAsync();
            return Trio.CurrentTask.SchedulePoints;
        });

        Assert.Equal(1, schedulePoints);
    }

    [Fact]
    public void Set_FromAnotherThreadDuringARun_ThrowsNamingTheFix()
    {
        var ready = new Event();
        InvalidOperationException? error = null;

        VirtualRun.Run(() => Trio.ToThreadAsync(() => error = Assert.Throws<InvalidOperationException>(ready.Set)));

        Assert.Contains("outside the loop of the TrioTest run", error!.Message);
        Assert.False(ready.IsSet);
    }

    [Fact]
    public void WaitAsync_OutsideARun_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new Event().WaitAsync());

        Assert.Contains("only be used inside Trio.Run", error.Message);
    }

    [Fact]
    public void UnsetEventWithNobodyToSetIt_IsReportedAsADeadlockNamingTheEvent()
    {
        var never = new Event("never");

        var error = Assert.Throws<DeadlockException>(() => VirtualRun.Run(() => never.WaitAsync().AsTask()));

        Assert.Contains("waits for Event \"never\"", error.Message);
    }

    [Fact]
    public void Unpark_IsRecordedWithThePrimitivesName()
    {
        var ready = new Event("ready");
        var unparks = new List<string>();
        RunOptions options = VirtualRun.Options();
        options.Instruments.Add(new UnparkRecorder(unparks));

        Trio.Run(() => Nursery.RunAsync(async nursery =>
        {
            nursery.StartSoon(() => ready.WaitAsync().AsTask(), "waiter");
            await Trio.WaitAllTasksBlockedAsync();
            ready.Set();
        }), options);

        Assert.Equal(["main/waiter unparked from Event \"ready\""], unparks);
    }

    private sealed class UnparkRecorder(List<string> unparks) : Instrument
    {
        public override void TaskUnparked(in UnparkEventArgs args) => unparks.Add($"{args.Task.Path} unparked from {args.Primitive}");
    }
}
