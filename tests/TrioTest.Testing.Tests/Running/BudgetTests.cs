using FluentAssertions;
using TrioTest.Testing.Tests.Corpus;

namespace TrioTest.Testing.Tests.Running;

/// <summary>A run that never ends (a timer that ticks forever, a loop that checkpoints forever) fails with its seed and the budget it hit.</summary>
public class BudgetTests
{
    private static TrioTestOptions Options(long stepLimit) => new()
    {
        Seed = 42,
        StepLimit = stepLimit,
        TraceWindow = 1_000,
        GetEnvironmentVariable = _ => null,
    };

    private static Func<Task> TickForeverAsync => Runaways.Get("periodic-timer-1ms");

    private static Func<Task> CheckpointForeverAsync => Runaways.Get("checkpoint-busy-loop");

    [Fact]
    public void Run_PeriodicTimerThatTicksForever_FailsAtTheStepLimitWithTheSeedAndHowToRaiseIt()
    {
        TrioTestResult result = TrioTestRunner.Run(TickForeverAsync, Options(stepLimit: 20_000));

        StepLimitExceededException error = result.Failure.Should().BeOfType<StepLimitExceededException>().Subject;
        error.Limit.Should().Be(20_000);
        result.Steps.Should().Be(20_000);
        result.Report.Should().Contain("step limit reached: the run took 20,000 steps")
            .And.Contain("seed 0x000000000000002A")
            .And.Contain("[AsyncTest(StepLimit = 40000)]");
        result.Trace.Count.Should().Be(1_000);
        result.Trace.DroppedCount.Should().BePositive();
    }

    [Fact]
    public void Run_CheckpointBusyLoop_FailsAtTheStepLimitNamingTheLoopingTask()
    {
        TrioTestResult result = TrioTestRunner.Run(CheckpointForeverAsync, Options(stepLimit: 20_000));

        StepLimitExceededException error = result.Failure.Should().BeOfType<StepLimitExceededException>().Subject;
        error.LivingTasks.Should().Contain(task => task.LastCheckpoint != null && task.LastCheckpoint.Value.Label == "poll");
        result.Report.Should().Contain("StepLimit");
    }

    [Fact]
    public void Run_StepLimitHit_ReportsTheSameTraceEveryRunOfTheSeed()
    {
        string[] hashes = [.. Enumerable.Range(0, 3).Select(_ => TrioTestRunner.Run(CheckpointForeverAsync, Options(stepLimit: 5_000)).Trace.Hash)];

        hashes.Distinct().Should().ContainSingle();
    }

    [Fact]
    public void Run_BodyThatEndsWithinTheLimit_Passes()
    {
        TrioTestResult result = TrioTestRunner.Run(async () =>
        {
            for (int i = 0; i < 100; i++)
            {
                await Trio.CheckpointAsync();
            }
        }, Options(stepLimit: 1_000));

        result.Passed.Should().BeTrue(result.Report);
    }

    [Fact]
    public void Run_NoStepLimit_RunsPastTheDefault()
    {
        // -1 turns the budget off: the virtual-time limit ends this one instead.
        var options = Options(stepLimit: -1);
        options.VirtualTimeLimit = TimeSpan.FromSeconds(30);

        TrioTestResult result = TrioTestRunner.Run(TickForeverAsync, options);

        result.Failure.Should().BeOfType<VirtualTimeLimitExceededException>();
    }

    [Theory]
    [InlineData("periodic-timer-1ms")]
    [InlineData("checkpoint-busy-loop")]
    public void Run_RunawayBodyUnderTheDefaultLimits_EndsWithTheSeedInUnder200MB(string runaway)
    {
        // A fresh process, so the peak working set is the run's own: before the bounded trace these reached 23 GB.
        string tool = Path.Combine(AppContext.BaseDirectory, "TrioTest.Testing.Corpus.dll");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(tool);
        start.ArgumentList.Add("--runaway");
        start.ArgumentList.Add(runaway);
        start.Environment.Remove("TRIOTEST_SEED");
        using var process = System.Diagnostics.Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();

        process.ExitCode.Should().Be(0, error);
        string[] lines = output.TrimEnd('\n').Split('\n');
        lines[0].Should().Be(nameof(StepLimitExceededException), output);
        lines[2].Should().Contain("seed 0x000000000000002A");
        lines[3].Should().Contain("replay: [AsyncTest(Seed = \"0x000000000000002A\")]");
        long.Parse(lines[^1], System.Globalization.CultureInfo.InvariantCulture).Should().BeLessThan(200L * 1024 * 1024, "a run's memory is bounded by the trace window");
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-2L)]
    public void StepLimit_OutOfRange_SaysWhatIsAllowed(long value)
    {
        Action act = () => new TrioTestOptions().StepLimit = value;

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*must be positive (or -1 for no limit)*");
    }
}
