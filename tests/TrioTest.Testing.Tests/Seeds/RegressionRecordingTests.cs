using FluentAssertions;

namespace TrioTest.Testing.Tests.Seeds;

/// <summary>What goes into the regression file: only failures that depend on the schedule, and word of entries whose test is gone.</summary>
public sealed class RegressionRecordingTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "triotest-recording-" + Guid.NewGuid().ToString("N"));

    private string FilePath => Path.Combine(_directory, RegressionFile.DefaultFileName);

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Run_FailureInEverySchedule_IsNotRecorded_AndTheReportSaysWhy()
    {
        TrioTestResult result = TrioTestRunner.Run(async () =>
        {
            await Trio.CheckpointAsync();
            throw new InvalidOperationException("wrong expected value");
        }, Options(iterations: 1, baseSeed: 5));

        result.Passed.Should().BeFalse();
        File.Exists(FilePath).Should().BeFalse("a failure that no schedule avoids is not a race");
        result.Report.Should().Contain("not recorded in triotest-regressions.txt: it fails in every schedule tried (FIFO order and 7 other seeds)");
        result.SchedulesRun.Should().Be(1, "the schedules that check the failure are not counted");
    }

    [Fact]
    public void Run_RaceFoundInTheFirstSchedule_IsRecordedOnceAnotherSchedulePasses()
    {
        // A base seed whose first schedule runs b before a; FIFO order runs a first and passes.
        (ulong baseSeed, TrioTestResult result) = Enumerable.Range(1, 64)
            .Select(seed => ((ulong)seed, TrioTestRunner.Run(OrderDependentBody, Options(iterations: 1, baseSeed: (ulong)seed))))
            .First(found => !found.Item2.Passed);

        result.Schedule.Should().Be(1);
        File.ReadAllText(FilePath).Should().Contain($"{result.Seed} Shop.Order", "base seed {0} found it", baseSeed);
        result.Report.Should().NotContain("not recorded");
    }

    [Fact]
    public void Run_FailureAfterAPassingSchedule_IsRecordedWithoutExtraSchedules()
    {
        int runs = 0;
        TrioTestOptions options = Options(iterations: 10, baseSeed: 9);
        options.Shrink = false;

        TrioTestResult result = TrioTestRunner.Run(async () =>
        {
            runs++;
            await Trio.CheckpointAsync();
            if (runs == 3)
            {
                throw new InvalidOperationException("third time");
            }
        }, options);

        runs.Should().Be(3);
        File.ReadAllText(FilePath).Should().Contain("Shop.Order");
    }

    [Fact]
    public void Run_TriotestSeedOverAnExplicitBaseSeed_SaysSoInTheResult()
    {
        TrioTestOptions options = Options(iterations: 50, baseSeed: 77);
        options.GetEnvironmentVariable = name => name == "TRIOTEST_SEED" ? "0x2A" : null;

        TrioTestResult result = TrioTestRunner.Run(() => Task.CompletedTask, options);

        result.SchedulesRun.Should().Be(1);
        result.Warnings.Should().ContainSingle().Which.Should()
            .StartWith("TRIOTEST_SEED=0x2A replaced this test's exploration (BaseSeed = 0x000000000000004D, 50 schedule(s)) with that one schedule.")
            .And.Contain("dotnet test --filter \"FullyQualifiedName~Shop.Order\"");
    }

    [Fact]
    public void WarnAboutMissingTests_EntryOfARenamedTest_IsWarnedOncePerProcess()
    {
        Directory.CreateDirectory(_directory);
        string here = typeof(RegressionRecordingTests).FullName!;
        File.WriteAllText(FilePath,
            $"0x1 {here}.{nameof(WarnAboutMissingTests_EntryOfARenamedTest_IsWarnedOncePerProcess)}\n"
            + $"0x2 {here}.Renamed_test(3)\n"
            + "0x3 No.Such.Class.Method\n"
            + "0x4 a name in another form\n");
        var first = new List<string>();
        var second = new List<string>();

        RegressionFile.WarnAboutMissingTests(FilePath, typeof(RegressionRecordingTests).Assembly, first);
        RegressionFile.WarnAboutMissingTests(FilePath, typeof(RegressionRecordingTests).Assembly, second);

        first.Should().HaveCount(2);
        first.Should().Contain(w => w.Contains($"the entries for {here}.Renamed_test(3) name no test of TrioTest.Testing.Tests (renamed or deleted?)"));
        first.Should().Contain(w => w.Contains("the entries for No.Such.Class.Method name no test"));
        second.Should().BeEmpty();
    }

    private static async Task OrderDependentBody()
    {
        var order = new List<string>();
        await Nursery.RunAsync(nursery =>
        {
            nursery.StartSoon(() => Add(order, "a"), "a");
            nursery.StartSoon(() => Add(order, "b"), "b");
            return Task.CompletedTask;
        });

        if (order[0] != "a")
        {
            throw new InvalidOperationException("b went first");
        }
    }

    private static Task Add(List<string> order, string name)
    {
        order.Add(name);
        return Task.CompletedTask;
    }

    private TrioTestOptions Options(int iterations, ulong baseSeed) => new()
    {
        Iterations = iterations,
        BaseSeed = baseSeed,
        TestName = "Shop.Order",
        RegressionFilePath = FilePath,
        GetEnvironmentVariable = _ => null,
    };
}
