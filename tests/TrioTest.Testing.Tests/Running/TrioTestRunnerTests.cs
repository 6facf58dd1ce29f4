using FluentAssertions;

namespace TrioTest.Testing.Tests.Running;

public class TrioTestRunnerTests
{
    private static readonly Func<string, string?> s_noEnvironment = _ => null;

    [Fact]
    public void Run_PassingBody_PassesWithOneSchedule()
    {
        int runs = 0;

        TrioTestResult result = TrioTestRunner.Run(async () =>
        {
            runs++;
            await Trio.SleepAsync(TimeSpan.FromHours(1));
        }, Options());

        result.Passed.Should().BeTrue();
        result.SchedulesRun.Should().Be(1);
        runs.Should().Be(1);
        result.VirtualTime.Should().Be(TimeSpan.FromHours(1));
        result.Report.Should().BeNull();
    }

    [Fact]
    public void Run_Iterations_RunsThatManySchedulesWithDistinctSeeds()
    {
        var seeds = new List<Seed>();

        TrioTestResult result = TrioTestRunner.Run(context =>
        {
            seeds.Add(context.Seed);
            context.Schedules.Should().Be(25);
            return Task.CompletedTask;
        }, Options(iterations: 25));

        result.SchedulesRun.Should().Be(25);
        seeds.Should().OnlyHaveUniqueItems().And.HaveCount(25);
    }

    [Fact]
    public void Run_Pct_SizesOnAFifoRunThatIsNotCountedAsASchedule()
    {
        int bodies = 0;

        TrioTestResult result = TrioTestRunner.Run(() =>
        {
            bodies++;
            return Trio.CheckpointAsync().AsTask();
        }, Options(iterations: 10, strategy: ExplorationStrategy.Pct));

        result.SchedulesRun.Should().Be(10);
        bodies.Should().Be(11, "one FIFO run sizes PCT's change points first");
    }

    [Fact]
    public void Run_ExplicitSeed_RunsExactlyThatScheduleDespiteIterations()
    {
        var seeds = new List<Seed>();

        TrioTestResult result = TrioTestRunner.Run(context =>
        {
            seeds.Add(context.Seed);
            return Task.CompletedTask;
        }, Options(iterations: 500, seed: 0x1234));

        seeds.Should().Equal((Seed)0x1234UL);
        result.SeedSource.Should().Be(SeedSource.Explicit);
    }

    [Fact]
    public void Run_SeedInEnvironment_ReplaysItAndLosesToAnExplicitSeed()
    {
        var fromEnvironment = Options(iterations: 10);
        fromEnvironment.GetEnvironmentVariable = name => name == "TRIOTEST_SEED" ? "0xABC" : null;
        var explicitWins = Options(seed: 5);
        explicitWins.GetEnvironmentVariable = fromEnvironment.GetEnvironmentVariable;

        TrioTestResult replayed = TrioTestRunner.Run(() => Task.CompletedTask, fromEnvironment);
        TrioTestResult overridden = TrioTestRunner.Run(() => Task.CompletedTask, explicitWins);

        replayed.Seed.Should().Be(0xABC);
        replayed.SeedSource.Should().Be(SeedSource.Environment);
        replayed.SchedulesRun.Should().Be(1);
        overridden.Seed.Should().Be(5);
        overridden.SeedSource.Should().Be(SeedSource.Explicit);
    }

    [Theory]
    [InlineData("banana")]
    [InlineData("0x")]
    [InlineData("0x12345678901234567")]
    [InlineData("-1")]
    public void Run_MalformedSeedInEnvironment_ThrowsNamingTheValueAndTheForm(string value)
    {
        var options = Options();
        options.GetEnvironmentVariable = name => name == "TRIOTEST_SEED" ? value : null;

        Action run = () => TrioTestRunner.Run(() => Task.CompletedTask, options);

        run.Should().Throw<TrioTestConfigurationException>()
            .WithMessage($"*TRIOTEST_SEED is \"{value}\"*0x9E3779B97F4A7C15*");
    }

    [Fact]
    public void Run_IterationsInEnvironment_DeepensTheExploration()
    {
        var options = Options(iterations: 3);
        options.GetEnvironmentVariable = name => name == "TRIOTEST_ITERATIONS" ? "40" : null;

        TrioTestResult result = TrioTestRunner.Run(() => Task.CompletedTask, options);

        result.SchedulesRun.Should().Be(40);
    }

    [Fact]
    public void Run_MalformedIterationsInEnvironment_ThrowsNamingTheValue()
    {
        var options = Options();
        options.GetEnvironmentVariable = name => name == "TRIOTEST_ITERATIONS" ? "0" : null;

        Action run = () => TrioTestRunner.Run(() => Task.CompletedTask, options);

        run.Should().Throw<TrioTestConfigurationException>().WithMessage("*TRIOTEST_ITERATIONS is \"0\"*from 1 to*");
    }

    [Fact]
    public void Options_InvalidValues_ThrowNamingWhatIsAllowed()
    {
        var options = new TrioTestOptions();

        options.Invoking(o => o.Iterations = 0).Should().Throw<ArgumentOutOfRangeException>().WithMessage("Iterations is 0, but it must be at least 1*");
        options.Invoking(o => o.PctDepth = 0).Should().Throw<ArgumentOutOfRangeException>().WithMessage("PctDepth is 0, but it must be at least 1*");
        options.Invoking(o => o.AutojumpThreshold = TimeSpan.FromMilliseconds(-1)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("AutojumpThreshold is*zero or positive*");
        options.Invoking(o => o.VirtualTimeLimit = TimeSpan.Zero).Should().Throw<ArgumentOutOfRangeException>().WithMessage("VirtualTimeLimit is*positive*");
        options.Invoking(o => o.Timeout = TimeSpan.Zero).Should().Throw<ArgumentOutOfRangeException>().WithMessage("Timeout is*positive*");
        options.Invoking(o => o.Timeout = TimeSpan.FromSeconds(-5)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*Timeout.InfiniteTimeSpan for no watchdog*");
        options.Invoking(o => o.VirtualTimeLimit = TimeSpan.FromSeconds(-5)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*Timeout.InfiniteTimeSpan for no limit*");
        options.Invoking(o => o.PctStepEstimate = 0).Should().Throw<ArgumentOutOfRangeException>().WithMessage("PctStepEstimate is 0, but it must be at least 1*");
    }

    [Fact]
    public void Run_InfiniteTimeoutAndVirtualTimeLimit_MeanNone()
    {
        TrioTestResult result = TrioTestRunner.Run(() => Trio.SleepAsync(TimeSpan.FromDays(400)).AsTask(), new TrioTestOptions
        {
            Timeout = Timeout.InfiniteTimeSpan,
            VirtualTimeLimit = Timeout.InfiniteTimeSpan,
            GetEnvironmentVariable = s_noEnvironment,
        });

        result.Passed.Should().BeTrue();
        result.VirtualTime.Should().Be(TimeSpan.FromDays(400));
    }

    [Fact]
    public void Run_PctWhoseFifoSizingRunFails_ReportsTheFailureAsFifosWithItsOwnReplayLine()
    {
        int bodies = 0;

        TrioTestResult result = TrioTestRunner.Run(async () =>
        {
            bodies++;
            await Trio.CheckpointAsync("always");
            throw new InvalidOperationException("fails in every order");
        }, Options(iterations: 10, strategy: ExplorationStrategy.Pct));

        string seed = result.Seed.ToString();
        string[] lines = result.Report!.Split('\n');
        bodies.Should().Be(1);
        result.Strategy.Should().Be(ExplorationStrategy.Fifo);
        result.SchedulesRun.Should().Be(0, "the FIFO sizing run is no Pct schedule");
        lines[1].Should().StartWith($"  seed {seed} (the FIFO run that sizes Pct depth 3, before any Pct schedule), virtual time");
        lines[2].Should().Be($"  replay: [AsyncTest(Strategy = ExplorationStrategy.Fifo)], which needs no seed, or TRIOTEST_SEED={seed}");
    }

    [Fact]
    public void Run_PctWithAStepEstimate_RunsOnlyPctSchedules()
    {
        int bodies = 0;

        TrioTestResult result = TrioTestRunner.Run(async () =>
        {
            bodies++;
            await Trio.CheckpointAsync("always");
            throw new InvalidOperationException("fails in every order");
        }, new TrioTestOptions { Iterations = 10, Strategy = ExplorationStrategy.Pct, PctStepEstimate = 3, BaseSeed = 1, Shrink = false, GetEnvironmentVariable = s_noEnvironment });

        bodies.Should().Be(1);
        result.Strategy.Should().Be(ExplorationStrategy.Pct);
        result.SchedulesRun.Should().Be(1);
        result.Report.Should().Contain("(schedule 1 of 10, Pct depth 3)");
    }

    [Fact]
    public void Run_FailingBody_ReportsInTheDesignedShape()
    {
        TrioTestResult result = TrioTestRunner.Run(async () =>
        {
            await Nursery.RunAsync(nursery =>
            {
                nursery.StartSoon(async () =>
                {
                    await Trio.SleepAsync(TimeSpan.FromSeconds(12.5));
                    await Trio.CheckpointAsync("debit");
                    throw new InvalidOperationException("balance went negative");
                }, "a->b");
                return Task.CompletedTask;
            });
        }, Options(iterations: 4, strategy: ExplorationStrategy.Random));

        string seed = result.Seed.ToString();
        string[] lines = result.Report!.Split('\n');
        lines[0].Should().Be("TrioTest: InvalidOperationException: balance went negative");
        lines[1].Should().Be($"  seed {seed} (schedule 1 of 4, Random), virtual time 00:00:12.500, {result.Steps} steps, 2 tasks");
        lines[2].Should().Be($"  replay: [AsyncTest(Seed = \"{seed}\")] or TRIOTEST_SEED={seed}");
        lines[3].Should().Be($"  shrunk: FIFO order fails the same way, with no deviation (from {result.Shrunk!.OriginalDeviations}, in 2 schedules)");
        lines[4].Should().Be($"  replay shrunk: [AsyncTest(Seed = \"fifo@{seed}\")] or TRIOTEST_SEED=fifo@{seed}");
        lines[5].Should().Be($"  trace: {result.Trace.Hash[..16]} (sha256 of the canonical trace, {result.Trace.Count} events)");
        lines[6].Should().Be("  coverage: 1 schedule, 1 distinct trace, 0 conflict orderings");
        lines[7].Should().Be("  last steps:");
        lines[8].Should().MatchRegex(@"^    step\s+time\s+task\s+event$");
        result.Report.Should().Contain("main/a->b         checkpoint \"debit\"   TrioTestRunnerTests.cs:");
        result.Failure.Should().BeOfType<InvalidOperationException>();
    }

    [Fact]
    public void Run_TwoFailuresAtOnce_HeadlineNamesEach()
    {
        TrioTestResult result = TrioTestRunner.Run(() => Nursery.RunAsync(nursery =>
        {
            nursery.StartSoon(() => throw new InvalidOperationException("first"), "a");
            nursery.StartSoon(() => throw new TimeoutException("second"), "b");
            return Task.CompletedTask;
        }), Options(strategy: ExplorationStrategy.Fifo));

        result.Failure.Should().BeOfType<NurseryException>();
        result.Report!.Split('\n')[0].Should().Be("TrioTest: NurseryException: 2 failures at once: InvalidOperationException: first; TimeoutException: second");
    }

    [Fact]
    public void ThrowIfFailed_FailedResult_ThrowsTheReportWithTheOriginalAsInner()
    {
        TrioTestResult result = TrioTestRunner.Run(() => throw new FormatException("bad"), Options());

        Action check = result.ThrowIfFailed;

        check.Should().Throw<TrioTestFailedException>()
            .Where(e => e.Message == result.Report && e.InnerException is FormatException && e.Seed == result.Seed);
    }

    [Fact]
    public void Run_ReplayingAScheduleAlone_GivesTheScheduleItHadInTheExploration()
    {
        var hashes = new List<(Seed Seed, string Hash)>();
        Func<TrioTestContext, Task> body = async context =>
        {
            await Nursery.RunAsync(nursery =>
            {
                for (int i = 0; i < 3; i++)
                {
                    nursery.StartSoon(async () =>
                    {
                        for (int j = 0; j < 3; j++)
                        {
                            await Trio.CheckpointAsync("work");
                        }
                    }, $"worker{i}");
                }

                return Task.CompletedTask;
            });
            hashes.Add((context.Seed, context.Trace.Hash));
        };
        TrioTestRunner.Run(body, Options(iterations: 30, strategy: ExplorationStrategy.Pct));
        var explored = hashes.ToList();

        foreach ((Seed seed, string hash) in explored.Where((_, i) => i % 7 == 3))
        {
            hashes.Clear();
            TrioTestRunner.Run(body, Options(seed: seed, strategy: ExplorationStrategy.Pct));

            hashes[^1].Hash.Should().Be(hash, "seed {0} alone must replay its schedule", seed.ToString());
        }

        explored.Select(h => h.Hash).Distinct().Should().HaveCountGreaterThan(1, "different seeds explore different schedules");
    }

    [Fact]
    public void Run_HangInsideOneHourFailAfter_FailsWithTooSlowAtOneHourOfVirtualTime()
    {
        TrioTestResult result = TrioTestRunner.Run(() =>
            Trio.FailAfterAsync(TimeSpan.FromHours(1), () => Trio.SleepForeverAsync().AsTask()), Options());

        result.Failure.Should().BeOfType<TooSlowException>();
        result.VirtualTime.Should().Be(TimeSpan.FromHours(1));
    }

    [Fact]
    public void Run_PeriodicTimerForever_FailsAtTheVirtualTimeLimit()
    {
        var options = Options();
        options.VirtualTimeLimit = TimeSpan.FromMinutes(10);

        TrioTestResult result = TrioTestRunner.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), Trio.TimeProvider);
            while (await timer.WaitForNextTickAsync())
            {
            }
        }, options);

        result.Failure.Should().BeOfType<VirtualTimeLimitExceededException>();
        result.VirtualTime.Should().BeLessThanOrEqualTo(TimeSpan.FromMinutes(10));
    }

    [Fact]
    public void Run_LivelockPastTheTimeout_FailsWithTheWatchdog()
    {
        var options = Options();
        options.Timeout = TimeSpan.FromMilliseconds(200);

        TrioTestResult result = TrioTestRunner.Run(async () =>
        {
            while (true)
            {
                await Trio.CheckpointAsync("spin");
            }
        }, options);

        result.Failure.Should().BeOfType<TimeoutException>().Which.Message.Should().Contain("real-time Timeout of 00:00:00.2000000");
    }

    [Fact]
    public async Task RunAsync_BodyThatNeverReachesACheckpoint_IsAbandonedAfterTheGrace()
    {
        using var release = new ManualResetEventSlim();
        var options = Options();
        options.Timeout = TimeSpan.FromMilliseconds(100);

        // The watchdog's own path: the blocked-loop watch would fail this body first.
        options.BlockedLoopTimeout = Timeout.InfiniteTimeSpan;

        TrioTestResult result = await TrioTestRunner.RunAsync(_ =>
        {
            release.Wait();
            return Task.CompletedTask;
        }, options);
        release.Set();

        result.Failure.Should().BeOfType<TimeoutException>().Which.Message.Should().Contain("abandoned");
    }

    [Fact]
    public void Run_CancelledToken_StopsTheExplorationAndThrows()
    {
        using var cancellation = new CancellationTokenSource();
        int schedules = 0;

        Action run = () => TrioTestRunner.Run(async () =>
        {
            if (++schedules == 3)
            {
                cancellation.Cancel();
            }

            await Trio.CheckpointAsync();
        }, Options(iterations: 100), cancellation.Token);

        run.Should().Throw<OperationCanceledException>();
        schedules.Should().Be(3);
    }

    [Fact]
    public void Run_StrictAndTaskRunReachingBack_FailsWithTheEscapeAndItsFix()
    {
        TrioTestResult result = TrioTestRunner.Run(async () =>
        {
            // A pool thread posts back to the loop; the loop thread spins until the post is in its inbox, so the escape
            // is seen before the run could look idle (a deadlock), however slow the machine. (Wait() could inline the work.)
            SynchronizationContext loop = SynchronizationContext.Current!;
            var resumed = new TaskCompletionSource();
            Task work = Task.Run(() => loop.Post(_ => resumed.SetResult(), null));
            while (!work.IsCompleted)
            {
                Thread.Yield();
            }

            await resumed.Task;
        }, Options());

        result.Failure.Should().BeOfType<EscapeException>().Which.Message.Should().Contain("Task.Run");
    }

    [Fact]
    public void Context_Background_TasksAreCancelledWhenTheBodyReturns()
    {
        bool cancelled = false;

        TrioTestResult result = TrioTestRunner.Run(async context =>
        {
            context.Background.StartSoon(async () =>
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
            await Trio.SleepAsync(TimeSpan.FromSeconds(1));
        }, Options());

        result.Passed.Should().BeTrue(result.Report);
        cancelled.Should().BeTrue();
    }

    [Fact]
    public void Context_BackgroundFailure_FailsTheTest()
    {
        TrioTestResult result = TrioTestRunner.Run(async context =>
        {
            context.Background.StartSoon(async () =>
            {
                await Trio.SleepAsync(TimeSpan.FromSeconds(1));
                throw new InvalidOperationException("the server crashed");
            }, "server");
            await Trio.SleepForeverAsync();
        }, Options());

        result.Failure.Should().BeOfType<InvalidOperationException>().Which.Message.Should().Be("the server crashed");
    }

    [Fact]
    public void Context_Current_IsTheScheduleContextInChildTasksAndAbsentOutside()
    {
        TrioTestContext? seen = null;
        TrioTestContext? given = null;

        TrioTestRunner.Run(async context =>
        {
            given = context;
            await Nursery.RunAsync(nursery =>
            {
                nursery.StartSoon(() =>
                {
                    seen = TrioTestContext.Current;
                    return Task.CompletedTask;
                }, "child");
                return Task.CompletedTask;
            });
        }, Options());

        seen.Should().BeSameAs(given);
        TrioTestContext.CurrentOrNull.Should().BeNull();
        FluentActions.Invoking(() => TrioTestContext.Current).Should().Throw<InvalidOperationException>().WithMessage("*[AsyncTest]*");
    }

    [Fact]
    public void CurrentContext_IsNoneBeforeTheBodyStarts_AndTheSchedulesOwnInsideIt_AlsoOnAThreadPoolThread()
    {
        var seen = new ContextSeen();
        TrioTestOptions options = Options(iterations: 3);
        options.Strict = false; // the body leaves the loop for the thread pool on purpose
        options.Instruments.Add(seen);
        var inBodies = new List<TrioTestContext>();
        var onThreadPool = new List<TrioTestContext?>();

        TrioTestResult result = TrioTestRunner.Run(async context =>
        {
            inBodies.Add(TrioTestContext.Current);
            onThreadPool.Add(await Task.Run(() => TrioTestContext.CurrentOrNull).ConfigureAwait(true));
            context.Should().BeSameAs(TrioTestContext.Current);
        }, options);

        result.Passed.Should().BeTrue(result.Report);
        seen.AtRunStart.Should().Equal(false, false, false);
        seen.MainSpawned.Should().Equal(false, false, false);
        inBodies.Select(static c => c.Schedule).Should().Equal(1, 2, 3);
        onThreadPool.Should().Equal(inBodies, "the context flows with the body's execution context");
    }

    /// <summary>Notes whether a context is current in the hooks that run before the body starts.</summary>
    private sealed class ContextSeen : Instrument
    {
        public List<bool> AtRunStart { get; } = [];

        public List<bool> MainSpawned { get; } = [];

        public override void BeforeRun(in RunEventArgs args) => AtRunStart.Add(TrioTestContext.CurrentOrNull is not null);

        public override void TaskSpawned(in TaskEventArgs args)
        {
            if (args.Task.Path == "main")
            {
                MainSpawned.Add(TrioTestContext.CurrentOrNull is not null);
            }
        }
    }

    private static TrioTestOptions Options(int iterations = 1, Seed? seed = null, ExplorationStrategy strategy = ExplorationStrategy.Random) => new()
    {
        Iterations = iterations,
        Seed = seed,
        Strategy = strategy,
        BaseSeed = 42,
        GetEnvironmentVariable = s_noEnvironment,
    };
}
