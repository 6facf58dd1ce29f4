namespace TrioTest.Core.Tests.Running;

/// <summary>
/// Trio's rule that code between two checkpoints is atomic, measured: a library awaitable that is not itself a
/// checkpoint (a nursery, a scope, a timeout, a lock, a receive) adds no step of its own, so steps are exactly the
/// schedule points plus the spawned tasks' first steps. The expected counts are Trio's for the same code.
/// </summary>
public sealed class SchedulePointTests
{
    private const int Repeats = 10;

    public static TheoryData<string, long> TrioStepCounts => new()
    {
        // Leaving a nursery is cancel_shielded_checkpoint: one step each.
        { "empty nursery", 10 },

        // The body waits for the child (woken when it exits) and the child runs its first step: two each.
        { "nursery with one child", 20 },
        { "cancel scope around a checkpoint", 10 },
        { "move_on_after around a checkpoint", 10 },
        { "fail_after around a checkpoint", 10 },
        { "run with cancellation around a checkpoint", 10 },

        // Lock.acquire on a free lock: take it, then cancel_shielded_checkpoint; release is not a checkpoint.
        { "async with lock", 10 },
        { "lock.acquire and release", 10 },

        // receive with a value ready: checkpoint_if_cancelled, receive_nowait, cancel_shielded_checkpoint.
        { "receive a ready value", 10 },

        // nursery.start: the caller waits until the child calls started (two steps), and the nursery's exit is one.
        { "nursery.start", 21 },

        // to_thread.run_sync: one wait_task_rescheduled for the thread's result.
        { "to_thread.run_sync", 10 },
    };

    [Theory]
    [MemberData(nameof(TrioStepCounts))]
    public void Construct_TakesTriosStepCount_AndEveryStepIsASchedulePointOrASpawn(string construct, long trioSteps)
    {
        Measurement measured = Measure(construct, continueOnCapturedContext: true);

        Assert.Equal(trioSteps, measured.Steps);
        Assert.Equal(measured.SchedulePoints + measured.Spawns, measured.Steps);
    }

    [Theory]
    [MemberData(nameof(TrioStepCounts))]
    public void Construct_AwaitedWithConfigureAwaitFalse_StaysOnTheLoopWithTheSameSteps(string construct, long trioSteps)
    {
        Measurement measured = Measure(construct, continueOnCapturedContext: false);

        Assert.Equal(0, measured.ResumesOffTheLoop);
        Assert.Equal(0, measured.Escapes);
        Assert.Equal(trioSteps, measured.Steps);
    }

    [Fact]
    public void CancelScopeBody_WritesOnBothSidesOfTheScopeExit_AreNeverSeenApart()
    {
        int seedsThatSawHalf = 0;

        for (ulong seed = 0; seed < 1000; seed++)
        {
            bool sawHalf = false;
            VirtualRun.Run(() => Nursery.RunAsync(nursery =>
            {
                int x = 0, y = 0;
                nursery.StartSoon(async () =>
                {
                    await new CancelScope().RunAsync(async () =>
                    {
                        await Trio.CheckpointAsync();
                        x = 1;
                    });
                    y = 1;
                }, "writer");
                nursery.StartSoon(async () =>
                {
                    for (int i = 0; i < 5; i++)
                    {
                        sawHalf |= x == 1 && y == 0;
                        await Trio.CheckpointAsync();
                    }
                }, "observer");
                return Task.CompletedTask;
            }), seed, new RandomStrategy());
            seedsThatSawHalf += sawHalf ? 1 : 0;
        }

        Assert.Equal(0, seedsThatSawHalf);
    }

    [Fact]
    public void TooSlowHandler_AndASiblingWokenAtTheSameInstant_RunInBothOrdersAcrossSeeds()
    {
        int handlerFirst = 0, siblingFirst = 0;

        for (ulong seed = 0; seed < 100; seed++)
        {
            bool handled = false, siblingSawHandler = false;
            VirtualRun.Run(() => Nursery.RunAsync(nursery =>
            {
                nursery.StartSoon(async () =>
                {
                    try
                    {
                        await Trio.FailAfterAsync(TimeSpan.FromSeconds(1), () => Trio.SleepForeverAsync().AsTask());
                    }
                    catch (TooSlowException)
                    {
                        handled = true;
                    }
                }, "timed out");
                nursery.StartSoon(async () =>
                {
                    await Trio.SleepAsync(TimeSpan.FromSeconds(1));
                    siblingSawHandler = handled;
                }, "sibling");
                return Task.CompletedTask;
            }), seed, new RandomStrategy());

            Assert.True(handled);
            if (siblingSawHandler)
            {
                handlerFirst++;
            }
            else
            {
                siblingFirst++;
            }
        }

        Assert.True(handlerFirst > 0 && siblingFirst > 0, $"handler first in {handlerFirst} seeds, sibling first in {siblingFirst}: both orders must be reachable");
    }

    [Fact]
    public void TaskYield_AfterALibraryAwaitableResumedInItsStep_IsStillASchedulePoint()
    {
        var log = new List<string>();

        VirtualRun.Run(() => Nursery.RunAsync(nursery =>
        {
            nursery.StartSoon(async () =>
            {
                await new CancelScope().RunAsync(() => Trio.CheckpointAsync().AsTask());
                log.Add("a: before yield");
                await Task.Yield();
                log.Add("a: after yield");
            }, "a");
            nursery.StartSoon(async () =>
            {
                await Trio.CheckpointAsync();
                log.Add("b: after checkpoint");
            }, "b");
            return Task.CompletedTask;
        }));

        Assert.Equal(["a: before yield", "b: after checkpoint", "a: after yield"], log);
    }

    [Fact]
    public void NestedLibraryAwaitables_ResumeTheirCallerInTheInnermostCheckpointsStep()
    {
        long steps = VirtualRun.Run(async () =>
        {
            long before = Trio.GetStatistics().StepsRun;
            await Trio.MoveOnAfterAsync(TimeSpan.FromSeconds(1), () =>
                new CancelScope().RunAsync(() =>
                    Trio.FailAfterAsync(TimeSpan.FromSeconds(1), () => Trio.CheckpointAsync().AsTask())));
            return Trio.GetStatistics().StepsRun - before;
        });

        Assert.Equal(1, steps);
    }

    /// <summary>Runs <paramref name="construct"/> <see cref="Repeats"/> times in main and counts what happened.</summary>
    private static Measurement Measure(string construct, bool continueOnCapturedContext)
    {
        var spawns = new SpawnCounter();
        RunOptions options = VirtualRun.Options();
        options.Instruments.Add(spawns);
        return Trio.Run(async () =>
        {
            TrioTask main = Trio.CurrentTask;
            int loopThread = Environment.CurrentManagedThreadId, offLoop = 0;
            long steps0 = Trio.GetStatistics().StepsRun, points0 = main.SchedulePoints, spawns0 = spawns.Count;
            if (construct == "nursery.start")
            {
                await Nursery.RunAsync(async nursery =>
                {
                    for (int i = 0; i < Repeats; i++)
                    {
                        await nursery.StartAsync(status =>
                        {
                            status.Started();
                            return Task.CompletedTask;
                        }).ConfigureAwait(continueOnCapturedContext);
                        offLoop += Environment.CurrentManagedThreadId == loopThread ? 0 : 1;
                    }
                });
            }
            else
            {
                for (int i = 0; i < Repeats; i++)
                {
                    await RunConstructAsync(construct, i, continueOnCapturedContext);
                    offLoop += Environment.CurrentManagedThreadId == loopThread ? 0 : 1;
                }
            }

            RunStatistics statistics = Trio.GetStatistics();
            return new Measurement(statistics.StepsRun - steps0, main.SchedulePoints - points0, spawns.Count - spawns0, statistics.Escapes, offLoop);
        }, options);
    }

    private static async Task RunConstructAsync(string construct, int iteration, bool continueOnCapturedContext)
    {
        switch (construct)
        {
            case "empty nursery":
                await Nursery.RunAsync(_ => Task.CompletedTask).ConfigureAwait(continueOnCapturedContext);
                break;
            case "nursery with one child":
                await Nursery.RunAsync(nursery =>
                {
                    nursery.StartSoon(() => Task.CompletedTask);
                    return Task.CompletedTask;
                }).ConfigureAwait(continueOnCapturedContext);
                break;
            case "cancel scope around a checkpoint":
                await new CancelScope().RunAsync(() => Trio.CheckpointAsync().AsTask()).ConfigureAwait(continueOnCapturedContext);
                break;
            case "move_on_after around a checkpoint":
                await Trio.MoveOnAfterAsync(TimeSpan.FromSeconds(1), () => Trio.CheckpointAsync().AsTask()).ConfigureAwait(continueOnCapturedContext);
                break;
            case "fail_after around a checkpoint":
                await Trio.FailAfterAsync(TimeSpan.FromSeconds(1), () => Trio.CheckpointAsync().AsTask()).ConfigureAwait(continueOnCapturedContext);
                break;
            case "run with cancellation around a checkpoint":
                await Trio.RunWithCancellationAsync(CancellationToken.None, () => Trio.CheckpointAsync().AsTask()).ConfigureAwait(continueOnCapturedContext);
                break;
            case "async with lock":
                using (await new AsyncLock().LockAsync().ConfigureAwait(continueOnCapturedContext))
                {
                }

                break;
            case "lock.acquire and release":
                var free = new AsyncLock();
                await free.AcquireAsync().ConfigureAwait(continueOnCapturedContext);
                free.Release();
                break;
            case "receive a ready value":
                var (send, receive) = MemoryChannel.Open<int>(1);
                send.TrySend(iteration);
                Assert.Equal(iteration, await receive.ReceiveAsync().ConfigureAwait(continueOnCapturedContext));
                break;
            case "to_thread.run_sync":
                Assert.Equal(iteration, await Trio.ToThreadAsync(() => iteration).ConfigureAwait(continueOnCapturedContext));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(construct), construct, "no such construct");
        }
    }

    /// <summary>What <see cref="Measure"/> saw.</summary>
    private readonly record struct Measurement(long Steps, long SchedulePoints, long Spawns, int Escapes, int ResumesOffTheLoop);

    /// <summary>Counts spawned tasks.</summary>
    private sealed class SpawnCounter : Instrument
    {
        public long Count { get; private set; }

        public override void TaskSpawned(in TaskEventArgs args) => Count++;
    }
}
