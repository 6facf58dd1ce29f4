namespace TrioTest.Core.Tests.Nurseries;

/// <summary>The run's own nursery (Trio's system nursery), which the harness gives every test body for its background tasks.</summary>
public sealed class RunNurseryTests
{
    private const string MainReturned = "main returned";

    [Fact]
    public void MainReturning_CancelsTheBackground_AndTheRunEndsWhenTheBackgroundHasExited()
    {
        var log = new List<string>();

        RunWithNursery(background =>
        {
            background.StartSoon(async () =>
            {
                try
                {
                    await Trio.SleepForeverAsync();
                }
                catch (Cancelled e)
                {
                    log.Add($"server cancelled at {Trio.CurrentTime.TotalSeconds}s: {e.Reason}");

                    // Cleanup that takes time still runs to its end before the run does.
                    var shield = new CancelScope { Shield = true };
                    await shield.RunAsync(() => Trio.SleepAsync(TimeSpan.FromSeconds(5)).AsTask());
                    log.Add($"server cleaned up at {Trio.CurrentTime.TotalSeconds}s");
                    throw;
                }
            }, "server");
            return MainAsync();

            async Task MainAsync()
            {
                await Trio.SleepAsync(TimeSpan.FromSeconds(2));
                log.Add($"main returns at {Trio.CurrentTime.TotalSeconds}s");
            }
        });

        Assert.Equal(
            ["main returns at 2s", $"server cancelled at 2s: cancelled due to explicit with reason \"{MainReturned}\" from task main", "server cleaned up at 7s"],
            log);
    }

    [Fact]
    public void MainThatReturnsAtOnce_PassesNoSchedulePointOfTheNursery()
    {
        var events = new List<string>();
        var options = VirtualRun.Options();
        options.Instruments.Add(new EventLog(events));

        new Runner(options).Run(_ => Task.CompletedTask, MainReturned);

        // A nursery opened with RunAsync passes a schedule point on exit; the run's nursery has no frame to pass one in.
        Assert.Equal(["spawn main", "step main", "exit main"], events);
    }

    [Fact]
    public void BackgroundFailure_CancelsMain_AndIsWhatTheRunThrows()
    {
        var log = new List<string>();

        var error = Assert.Throws<InvalidOperationException>(() => RunWithNursery(background =>
        {
            background.StartSoon(async () =>
            {
                await Trio.SleepAsync(TimeSpan.FromSeconds(1));
                throw new InvalidOperationException("server crashed");
            }, "server");
            return MainAsync();

            async Task MainAsync()
            {
                try
                {
                    await Trio.SleepForeverAsync();
                }
                catch (Cancelled)
                {
                    log.Add($"main cancelled at {Trio.CurrentTime.TotalSeconds}s");
                    throw;
                }
            }
        }));

        Assert.Equal("server crashed", error.Message);
        Assert.Equal(["main cancelled at 1s"], log);
    }

    [Fact]
    public void MainAndBackgroundBothFailing_ThrowsBoth_InTheOrderTheyHappened()
    {
        var error = Assert.Throws<NurseryException>(() => RunWithNursery(background =>
        {
            background.StartSoon(async () =>
            {
                try
                {
                    await Trio.SleepForeverAsync();
                }
                finally
                {
                    throw new InvalidOperationException("background cleanup failed");
                }
            }, "server");
            return FailAsync();

            static async Task FailAsync()
            {
                await Trio.CheckpointAsync();
                throw new ArgumentException("main failed");
            }
        }));

        Assert.Collection(
            error.InnerExceptions,
            e => Assert.Equal("main failed", e.Message),
            e => Assert.Equal("background cleanup failed", e.Message));
    }

    [Fact]
    public void MainThatThrowsBeforeReturningATask_FailsTheRun_AndStillCancelsTheBackground()
    {
        bool cancelled = false;

        var error = Assert.Throws<ArgumentException>(() => RunWithNursery(background =>
        {
            background.StartSoon(async () =>
            {
                try
                {
                    await Trio.SleepForeverAsync();
                }
                catch (Cancelled)
                {
                    cancelled = true;
                    throw;
                }
            }, "server");
            throw new ArgumentException("bad setup");
        }));

        Assert.Equal("bad setup", error.Message);
        Assert.True(cancelled);
    }

    [Fact]
    public void CancellingTheNurseryFromOutside_EndsMainQuietly()
    {
        bool after = false;

        RunWithNursery(async background =>
        {
            background.CancelScope.Cancel("stopped by the watchdog");
            await Trio.SleepForeverAsync();
            after = true;
        });

        Assert.False(after);
    }

    [Fact]
    public void BackgroundTasks_AreChildrenOfMain()
    {
        string? path = null;

        RunWithNursery(background =>
        {
            background.StartSoon(() => { path = Trio.CurrentTask.Path; return Task.CompletedTask; }, "server");
            Assert.Same(Trio.CurrentTask, background.ParentTask);
            return Task.CompletedTask;
        });

        Assert.Equal("main/server", path);
    }

    [Fact]
    public void ANurseryNotAwaitedByMain_FailsTheRunWhenTheBackgroundCloses()
    {
        var error = Assert.Throws<InvalidOperationException>(() => RunWithNursery(background =>
        {
            _ = Nursery.RunAsync(inner =>
            {
                inner.StartSoon(() => Trio.SleepAsync(TimeSpan.FromSeconds(1)).AsTask(), "orphan");
                return Task.CompletedTask;
            });
            return Task.CompletedTask;
        }));

        Assert.Contains("main returned while 1 task(s) were still running (main/orphan)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheNurseryClosesAfterTheRun()
    {
        Nursery? nursery = null;

        RunWithNursery(background => { nursery = background; return Task.CompletedTask; });

        Assert.True(nursery!.IsClosed);
        Assert.Throws<InvalidOperationException>(() => nursery.StartSoon(() => Task.CompletedTask));
    }

    [Fact]
    public void WorkQueuedOutsideAnyTaskAfterMainReturned_RunsAsAStepOfMain_WhichStaysExited()
    {
        TrioTask? main = null;
        var states = new List<TrioTaskState>();

        RunWithNursery(background =>
        {
            main = Trio.CurrentTask;
            TaskScheduler loop = Trio.TaskScheduler;
            background.StartSoon(() => new CancelScope { Shield = true }.RunAsync(async () =>
            {
                // Shielded, so it outlives main. A timer callback created without the execution context runs outside any
                // task: the work it queues to the loop's scheduler goes to main, which has returned by then.
                ITimer timer;
                using (ExecutionContext.SuppressFlow())
                {
                    timer = Trio.TimeProvider.CreateTimer(
                        _ => Task.Factory.StartNew(() => states.Add(main.State), CancellationToken.None, TaskCreationOptions.None, loop),
                        null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
                }

                await Trio.SleepAsync(TimeSpan.FromSeconds(2));
                timer.Dispose();
                states.Add(main.State);
            }), "server");
            return Task.CompletedTask;
        });

        Assert.Equal([TrioTaskState.Exited, TrioTaskState.Exited], states);
    }

    [Fact]
    public void MainThrowingACancellationOfItsOwnScopesToken_InTheStepThatCancelled_IsAbsorbed()
    {
        bool returned = false;

        // As with a nursery opened by RunAsync, the scope's own cancellation is not a failure, even when its token is
        // cancelled at the end of the very step that closes the nursery.
        RunWithNursery(background =>
        {
            CancellationToken token = Trio.CancellationToken;
            background.CancelScope.Cancel();
            returned = true;
            throw new OperationCanceledException(token);
        });

        Assert.True(returned);
    }

    private static void RunWithNursery(Func<Nursery, Task> main) => new Runner(VirtualRun.Options()).Run(main, MainReturned);

    /// <summary>Logs spawns, steps, checkpoints and exits, in order.</summary>
    private sealed class EventLog(List<string> events) : Instrument
    {
        public override void TaskSpawned(in TaskEventArgs args) => events.Add($"spawn {args.Task.Path}");

        public override void BeforeTaskStep(in TaskEventArgs args) => events.Add($"step {args.Task.Path}");

        public override void Checkpoint(in CheckpointEventArgs args) => events.Add($"checkpoint {args.Task.Path} {args.Location.Label}");

        public override void TaskExited(in TaskEventArgs args) => events.Add($"exit {args.Task.Path}");
    }
}
