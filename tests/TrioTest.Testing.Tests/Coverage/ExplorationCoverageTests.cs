using FluentAssertions;
using TrioTest.Testing.Tests.Corpus;

namespace TrioTest.Testing.Tests.Coverage;

public class ExplorationCoverageTests
{
    private static Task TwoWritersAsync() => Nursery.RunAsync(nursery =>
    {
        nursery.StartSoon(() => Trio.CheckpointAsync("write").AsTask(), "a");
        nursery.StartSoon(() => Trio.CheckpointAsync("write").AsTask(), "b");
        return Task.CompletedTask;
    });

    [Fact]
    public void Coverage_Fifo_OneScheduleOneTraceOneOrdering()
    {
        TrioTestResult result = TrioTestRunner.Run(TwoWritersAsync, Options(strategy: ExplorationStrategy.Fifo));

        result.Coverage.IsMeasured.Should().BeTrue();
        result.Coverage.Schedules.Should().Be(1);
        result.Coverage.DistinctTraces.Should().Be(1);
        result.Coverage.ConflictOrderings.Should().Equal("\"write\": main/a -> main/b");
    }

    [Fact]
    public void Coverage_RandomSchedules_SeesBothOrdersOfTheConflict()
    {
        TrioTestResult result = TrioTestRunner.Run(TwoWritersAsync, Options(iterations: 50));

        result.Coverage.Schedules.Should().Be(50);
        result.Coverage.ConflictOrderings.Should().Equal("\"write\": main/a -> main/b", "\"write\": main/b -> main/a");
        result.Coverage.DistinctTraces.Should().BeInRange(2, 50);
        result.Coverage.TraceFingerprints.Should().HaveCount(50);
    }

    [Fact]
    public void Coverage_DistinctTraces_CountsDistinctCanonicalTraces()
    {
        var texts = new CanonicalTexts();
        TrioTestOptions options = Options(iterations: 300);
        options.Instruments.Add(texts.Recorder);
        options.Instruments.Add(texts);

        TrioTestResult result = TrioTestRunner.Run(ThreeTasksAsync, options);

        texts.All.Should().HaveCount(300);
        result.Coverage.DistinctTraces.Should().Be(texts.All.Distinct().Count());
        var byText = texts.All.Zip(result.Coverage.TraceFingerprints).GroupBy(pair => pair.First).ToList();
        byText.Should().OnlyContain(group => group.Select(pair => pair.Second).Distinct().Count() == 1, "one canonical trace has one fingerprint");
        byText.Select(group => group.First().Second).Should().OnlyHaveUniqueItems("different canonical traces have different fingerprints");
    }

    [Fact]
    public void Coverage_SmallTraceWindow_StillTellsApartTracesThatDifferOnlyInDroppedEvents()
    {
        var texts = new CanonicalTexts(window: 3);
        TrioTestOptions options = Options(iterations: 200);
        options.TraceWindow = 3;
        options.Instruments.Add(texts.Recorder);
        options.Instruments.Add(texts);

        TrioTestResult result = TrioTestRunner.Run(ThreeTasksAsync, options);

        // The last three events of every schedule are the same exits; only the dropped events tell the schedules apart.
        texts.Windows.Distinct().Should().HaveCountLessThan(texts.All.Distinct().Count());
        result.Coverage.DistinctTraces.Should().Be(texts.All.Distinct().Count());
    }

    [Fact]
    public void Coverage_TaskNamesThatChangeFromScheduleToSchedule_AreEachSchedulesOwn()
    {
        TrioTestResult result = TrioTestRunner.Run(
            () => Nursery.RunAsync(nursery =>
            {
                // The second task's name depends on the schedule: the same task id has another path in every other schedule.
                string second = TrioTestContext.Current.Schedule % 2 == 0 ? "even" : "odd";
                nursery.StartSoon(() => Trio.CheckpointAsync("write").AsTask(), "first");
                nursery.StartSoon(() => Trio.CheckpointAsync("write").AsTask(), second);
                return Task.CompletedTask;
            }),
            Options(iterations: 40));

        result.Coverage.ConflictOrderings.Should().Equal(
            "\"write\": main/even -> main/first",
            "\"write\": main/first -> main/even",
            "\"write\": main/first -> main/odd",
            "\"write\": main/odd -> main/first");
    }

    [Fact]
    public void Coverage_SameSeed_SameFingerprintInEveryRun()
    {
        ulong[] fingerprints = [.. Enumerable.Range(0, 5).Select(_ => TrioTestRunner.Run(ThreeTasksAsync, Options(iterations: 20)).Coverage.TraceFingerprints[^1])];

        fingerprints.Distinct().Should().ContainSingle();
    }

    [Fact]
    public void StopAfterSchedulesWithoutNewCoverage_NothingNew_StopsAndPasses()
    {
        TrioTestOptions options = Options(iterations: 1000);
        options.StopAfterSchedulesWithoutNewCoverage = 5;

        TrioTestResult result = TrioTestRunner.Run(() => Trio.CheckpointAsync("alone").AsTask(), options);

        result.Passed.Should().BeTrue();
        result.SchedulesRun.Should().Be(6, "the first schedule is new, then five in a row add nothing");
        result.Coverage.StoppedEarly.Should().BeTrue();
        result.Coverage.ToString().Should().Be("6 schedules, 1 distinct trace, 0 conflict orderings; stopped after 5 schedules in a row added nothing new");
    }

    [Fact]
    public void StopAfterSchedulesWithoutNewCoverage_NewCoverageKeepsExploring()
    {
        TrioTestOptions options = Options(iterations: 200);
        options.StopAfterSchedulesWithoutNewCoverage = 3;

        TrioTestResult result = TrioTestRunner.Run(ThreeTasksAsync, options);

        result.Coverage.StoppedEarly.Should().Be(result.SchedulesRun < 200);
        result.Coverage.SchedulesSinceNewCoverage.Should().BeLessThanOrEqualTo(3);
        result.SchedulesRun.Should().BeGreaterThan(3, "the first schedules of three racing tasks each run a new interleaving");
    }

    [Fact]
    public void Coverage_RecordTraceOff_NotMeasuredAndSaysWhy()
    {
        TrioTestOptions options = Options(iterations: 10);
        options.RecordTrace = false;

        TrioTestResult result = TrioTestRunner.Run(TwoWritersAsync, options);

        result.Coverage.IsMeasured.Should().BeFalse();
        result.Coverage.NotMeasuredReason.Should().Contain("RecordTrace is off");
        result.Coverage.ToString().Should().StartWith("not measured: RecordTrace is off");
    }

    [Fact]
    public void StopAfterSchedulesWithoutNewCoverage_RecordTraceOff_FailsWithTheFix()
    {
        TrioTestOptions options = Options(iterations: 10);
        options.RecordTrace = false;
        options.StopAfterSchedulesWithoutNewCoverage = 5;

        Action run = () => TrioTestRunner.Run(TwoWritersAsync, options);

        run.Should().Throw<TrioTestConfigurationException>().WithMessage("*turn RecordTrace on, or unset StopAfterSchedulesWithoutNewCoverage.");
    }

    [Fact]
    public void StopAfterSchedulesWithoutNewCoverage_Zero_Throws()
    {
        Action set = () => new TrioTestOptions().StopAfterSchedulesWithoutNewCoverage = 0;

        set.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*at least 1*");
    }

    [Fact]
    public void Report_FailingExploration_PrintsTheCoverage()
    {
        TrioTestResult result = TrioTestRunner.Run(BugCorpus.Get("lost update across an await").Body, Options(iterations: 1000));

        result.Passed.Should().BeFalse();
        result.Report.Should().Contain($"\n  coverage: {result.Coverage}\n");
        result.Coverage.Schedules.Should().Be(result.SchedulesRun);
    }

    private static Task ThreeTasksAsync() => Nursery.RunAsync(nursery =>
    {
        foreach (string name in new[] { "a", "b", "c" })
        {
            nursery.StartSoon(async () =>
            {
                await Trio.CheckpointAsync("x");
                await Trio.CheckpointAsync("y");
            }, name);
        }

        return Task.CompletedTask;
    });

    private static TrioTestOptions Options(int iterations = 1, ExplorationStrategy strategy = ExplorationStrategy.Random) =>
        new() { Iterations = iterations, Strategy = strategy, BaseSeed = 3, GetEnvironmentVariable = _ => null };

    /// <summary>Keeps each schedule's canonical trace text, from a recorder of its own installed just before it.</summary>
    private sealed class CanonicalTexts(int window = TraceRecorder.DefaultWindow) : Instrument
    {
        public TraceRecorder Recorder { get; } = new(window);

        /// <summary>Gets each schedule's canonical text: with a window, the dropped events' count and hash, then the window's lines.</summary>
        public List<string> All { get; } = [];

        /// <summary>Gets the events each schedule kept in its window, without the dropped ones' hash.</summary>
        public List<string> Windows { get; } = [];

        public override void AfterRun(in RunEventArgs args)
        {
            CheckpointTrace trace = Recorder.GetTrace();
            All.Add(trace.ToCanonicalText());
            Windows.Add(string.Join("\n", trace.Select(static e => e.ToString())));
            Recorder.Clear();
        }
    }
}
