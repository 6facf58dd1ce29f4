using FluentAssertions;
using TrioTest.Testing.Tests.Corpus;

namespace TrioTest.Testing.Tests.Shrinking;

public class ShrinkTests
{
    private static readonly Bug s_threeWay = BugCorpus.Get("three-way ordering");

    [Fact]
    public void Shrink_Off_NoShrunkScheduleInResultOrReport()
    {
        TrioTestOptions options = ShrinkCorpusTests.Options(ExplorationStrategy.Random, 1);
        options.Shrink = false;

        TrioTestResult result = TrioTestRunner.Run(s_threeWay.Body, options);

        result.Passed.Should().BeFalse();
        result.Shrunk.Should().BeNull();
        result.Report.Should().NotContain("shrunk");
    }

    [Fact]
    public void Shrink_ScheduleBudgetRunsOut_ReportsTheSmallestFoundAndWhichBudget()
    {
        TrioTestOptions options = ShrinkCorpusTests.Options(ExplorationStrategy.Random, 1);
        options.ShrinkMaxSchedules = 3;

        TrioTestResult result = TrioTestRunner.Run(s_threeWay.Body, options);

        ShrunkSchedule shrunk = result.Shrunk!;
        shrunk.IsMinimal.Should().BeFalse();
        shrunk.StoppedBy.Should().Be("ShrinkMaxSchedules (3)");
        result.Report.Should().Contain("; stopped by ShrinkMaxSchedules (3), so not minimal)");
        TrioTestResult replay = TrioTestRunner.Run(s_threeWay.Body, new TrioTestOptions { Schedule = shrunk.Schedule, GetEnvironmentVariable = _ => null });
        replay.Failure!.Message.Should().Be(shrunk.Failure.Message);
    }

    [Fact]
    public void Shrink_FailureInFifoOrder_NothingToShrink()
    {
        TrioTestResult result = TrioTestRunner.Run(
            () => throw new InvalidOperationException("always"),
            new TrioTestOptions { Strategy = ExplorationStrategy.Fifo, GetEnvironmentVariable = _ => null });

        result.Shrunk.Should().BeNull();
    }

    [Fact]
    public void Shrink_FailureInEverySchedule_ShrinksToFifoWithNoDeviation()
    {
        TrioTestResult result = TrioTestRunner.Run(async () =>
        {
            await Nursery.RunAsync(nursery =>
            {
                nursery.StartSoon(() => Trio.CheckpointAsync("a").AsTask(), "a");
                nursery.StartSoon(() => Trio.CheckpointAsync("b").AsTask(), "b");
                return Task.CompletedTask;
            });
            throw new InvalidOperationException("always");
        }, new TrioTestOptions { BaseSeed = 2, GetEnvironmentVariable = _ => null });

        result.Shrunk!.Deviations.Should().BeEmpty();
        result.Shrunk.Schedule.Should().Be("fifo@" + result.Seed.ToString());
        result.Report.Should().Contain("  shrunk: FIFO order fails the same way, with no deviation (from ");
    }

    [Fact]
    public void Schedule_Invalid_ThrowsWithTheProblemAndTheForm()
    {
        Action set = () => new TrioTestOptions().Schedule = "fifo+3:0";

        set.Should().Throw<ArgumentException>().WithMessage("Schedule is \"fifo+3:0\", which is not a schedule: \"3:0\" is not step:index (such as 13:2, with an index of 1 or more). Paste*");
    }

    [Theory]
    [InlineData("fifo+5:1,3:1", "the steps must increase, and step 3 follows step 5")]
    [InlineData("lifo+1:1", "it must start with \"fifo\" or \"fifo-steps\"")]
    [InlineData("fifo+1:1@zz", "the seed after '@' (\"zz\") is not 0x and 1 to 16 hex digits")]
    public void EnvironmentSchedule_Invalid_FailsNamingTheVariable(string text, string problem)
    {
        var options = new TrioTestOptions { GetEnvironmentVariable = name => name == "TRIOTEST_SEED" ? text : null };

        Action run = () => TrioTestRunner.Run(() => Task.CompletedTask, options);

        if (text.StartsWith("fifo", StringComparison.Ordinal))
        {
            run.Should().Throw<TrioTestConfigurationException>().WithMessage($"The environment variable TRIOTEST_SEED is \"{text}\", which is not a schedule: {problem}.*");
        }
        else
        {
            run.Should().Throw<TrioTestConfigurationException>().WithMessage($"The environment variable TRIOTEST_SEED is \"{text}\", which is not a seed.*");
        }
    }

    [Fact]
    public void Schedule_WithoutSeed_RunsWithSeedZero()
    {
        Seed seen = 1;

        TrioTestRunner.Run(context =>
        {
            seen = context.Seed;
            return Task.CompletedTask;
        }, new TrioTestOptions { Schedule = "fifo", GetEnvironmentVariable = _ => null });

        seen.Should().Be(new Seed(0));
    }

    [Fact]
    public void Schedule_Deviation_RunsTheNamedTaskFirst()
    {
        var order = new List<string>();
        Task Body() => Nursery.RunAsync(nursery =>
        {
            foreach (string name in new[] { "a", "b", "c" })
            {
                nursery.StartSoon(async () =>
                {
                    await Trio.CheckpointAsync();
                    order.Add(name);
                }, name);
            }

            return Task.CompletedTask;
        });
        CheckpointTrace fifoTrace = TrioTestRunner.Run(Body, new TrioTestOptions { Schedule = "fifo", GetEnvironmentVariable = _ => null }).Trace;
        List<string> fifo = [.. order];
        long lastBatchStep = fifoTrace.Where(e => e.Kind == TraceEventKind.Step && e.Task == "main/a").Select(e => e.Step).Last();
        order.Clear();

        TrioTestRunner.Run(Body, new TrioTestOptions { Schedule = $"fifo+{lastBatchStep}:2", GetEnvironmentVariable = _ => null });

        fifo.Should().Equal("a", "b", "c");
        order.Should().Equal(["c", "a", "b"], "before step {0} the third ready step (c's) runs first", lastBatchStep);
    }
}
