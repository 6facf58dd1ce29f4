using FluentAssertions;

namespace TrioTest.Testing.Tests.Running;

/// <summary>A step that holds the loop (a blocking wait, a sleep, a spin) fails the test in about the limit, naming the task.</summary>
public class BlockedLoopTests
{
    private static TrioTestOptions Options(TimeSpan limit) => new() { BlockedLoopTimeout = limit, Seed = 1, GetEnvironmentVariable = _ => null };

    [Fact]
    public async Task BlockingWaitOnTheLoop_FailsTheTest_NamingTheTaskAndItsLastCheckpoint()
    {
        using var gate = new ManualResetEventSlim();

        TrioTestResult result = await TrioTestRunner.RunAsync(_ => Nursery.RunAsync(nursery =>
        {
            nursery.StartSoon(async () =>
            {
                await Trio.CheckpointAsync("before the wait");
                gate.Wait();
            }, "blocker");
            return Task.CompletedTask;
        }), Options(TimeSpan.FromMilliseconds(200)));
        gate.Set();

        LoopBlockedException error = result.Failure.Should().BeOfType<LoopBlockedException>().Subject;
        error.TaskPath.Should().Be("main/blocker");
        error.LastCheckpoint!.Value.Label.Should().Be("before the wait");
        error.BlockingCall.Should().StartWith("a blocking wait (a lock, an event or a semaphore) at BlockedLoopTests.cs:");
        error.BlockedFor.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(200));
        result.Report.Should().Contain("One step of task main/blocker has held the TrioTest loop").And.Contain("Await instead of blocking");
    }

    [Fact]
    public async Task WaitOnATaskThatNeedsTheLoop_FailsInsteadOfHangingUntilTheWatchdog()
    {
        TrioTestResult result = await TrioTestRunner.RunAsync(_ =>
        {
            // A sure deadlock: the sleep's wake-up needs the very loop that .Result blocks. The thread stays blocked.
            Trio.SleepAsync(TimeSpan.FromSeconds(1)).AsTask().Wait();
            return Task.CompletedTask;
        }, Options(TimeSpan.FromMilliseconds(200)));

        // Detected at the call: the runtime reports the wait to the loop's context before it blocks.
        BlockingWaitException error = result.Failure.Should().BeOfType<BlockingWaitException>().Subject;
        error.TaskPath.Should().Be("main");
        error.CallSite.Should().StartWith("BlockedLoopTests.cs:");
        error.Message.Should().Contain("a blocking wait for a task (.Wait(), .Result or .GetAwaiter().GetResult())").And.Contain("Instead: await the task.");
    }

    public enum Blocker
    {
        Result,
        GetResult,
        Spin,
        ThreadSleep,
    }

    [Theory]
    [InlineData(Blocker.Result)]
    [InlineData(Blocker.GetResult)]
    [InlineData(Blocker.Spin)]
    [InlineData(Blocker.ThreadSleep)]
    public async Task BlockingCallUnderTheDefaultLimit_FailsInAboutASecond_NamingTheTaskAndTheFix(Blocker blocker)
    {
        using var release = new CancellationTokenSource();
        var watch = System.Diagnostics.Stopwatch.StartNew();

        TrioTestResult result = await TrioTestRunner.RunAsync(context => Nursery.RunAsync(nursery =>
        {
            nursery.StartSoon(async () =>
            {
                await Trio.CheckpointAsync("about to block");
                switch (blocker)
                {
                    case Blocker.Result:
                        int value = Trio.SleepAsync(TimeSpan.FromSeconds(1)).AsTask().ContinueWith(static _ => 1, TaskScheduler.Default).Result;
                        Trio.Note($"never reached: {value}");
                        break;
                    case Blocker.GetResult:
                        Trio.SleepAsync(TimeSpan.FromSeconds(1)).AsTask().GetAwaiter().GetResult();
                        break;
                    case Blocker.Spin:
                        while (!release.IsCancellationRequested)
                        {
                        }

                        break;
                    default:
                        Thread.Sleep(TimeSpan.FromSeconds(10));
                        break;
                }
            }, "blocker");
            return Task.CompletedTask;
        }), new TrioTestOptions { Seed = 1, GetEnvironmentVariable = _ => null });
        TimeSpan took = watch.Elapsed;
        release.Cancel();

        if (blocker is Blocker.Result or Blocker.GetResult)
        {
            // A wait for a task is reported by the runtime before it blocks: the test fails at the call.
            BlockingWaitException atTheCall = result.Failure.Should().BeOfType<BlockingWaitException>().Subject;
            atTheCall.TaskPath.Should().Be("main/blocker");
            atTheCall.CallSite.Should().StartWith("BlockedLoopTests.cs:");
            took.Should().BeLessThan(TimeSpan.FromSeconds(10));
            return;
        }

        LoopBlockedException error = result.Failure.Should().BeOfType<LoopBlockedException>().Subject;
        error.TaskPath.Should().Be("main/blocker");
        error.LastCheckpoint!.Value.Label.Should().Be("about to block");
        error.BlockingCall.Should().BeNull("a spin and Thread.Sleep are no waits the runtime reports");
        result.Report.Should().Contain("Await instead of blocking, run blocking work with Trio.ToThreadAsync");
        took.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1)).And.BeLessThan(TimeSpan.FromSeconds(10), "the limit is one second, where the watchdog took five minutes");
    }

    [Fact]
    public async Task StepsShorterThanTheLimit_PassUnreported()
    {
        TrioTestResult result = await TrioTestRunner.RunAsync(async _ =>
        {
            for (int i = 0; i < 20; i++)
            {
                Thread.SpinWait(1000);
                await Trio.CheckpointAsync();
            }
        }, Options(TimeSpan.FromSeconds(1)));

        result.Passed.Should().BeTrue();
    }

    [Fact]
    public void BlockedLoopTimeout_IsOneSecondByDefault_AndRejectsZero()
    {
        var options = new TrioTestOptions();

        options.BlockedLoopTimeout.Should().Be(TimeSpan.FromSeconds(1));
        options.Invoking(o => o.BlockedLoopTimeout = TimeSpan.Zero).Should().Throw<ArgumentOutOfRangeException>().WithMessage("BlockedLoopTimeout is 00:00:00, but it must be positive*");
    }
}
