using FluentAssertions;
using TrioTest.Testing.Tests.Corpus;

namespace TrioTest.Testing.Tests.Shrinking;

public class ShrinkCorpusTests
{
    public static TheoryData<string, ExplorationStrategy> BugsAndStrategies
    {
        get
        {
            var data = new TheoryData<string, ExplorationStrategy>();
            foreach (Bug bug in BugCorpus.All)
            {
                data.Add(bug.Name, ExplorationStrategy.Random);
                data.Add(bug.Name, ExplorationStrategy.Pct);
            }

            foreach (Bug bug in BugCorpus.BeyondBatchShuffling)
            {
                data.Add(bug.Name, ExplorationStrategy.Pct);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(BugsAndStrategies))]
    public void Shrink_CorpusBug_AtMostDepthPlusOneDeviationsAndTheSameSymptom(string name, ExplorationStrategy strategy)
    {
        Bug bug = BugCorpus.Get(name);

        for (ulong baseSeed = 1; baseSeed <= 5; baseSeed++)
        {
            TrioTestResult result = TrioTestRunner.Run(bug.Body, Options(strategy, baseSeed));

            result.Passed.Should().BeFalse();
            ShrunkSchedule shrunk = result.Shrunk!;
            shrunk.Should().NotBeNull("a failure found by {0} is shrunk: {1}", strategy, result.Report);
            shrunk.IsMinimal.Should().BeTrue(shrunk.StoppedBy);
            shrunk.Deviations.Count.Should().BeLessThanOrEqualTo(bug.Constraints + 1, "\"{0}\" needs {1} ordering constraints: {2}", name, bug.Constraints, result.Report);
            shrunk.Deviations.Count.Should().BeLessThanOrEqualTo(shrunk.OriginalDeviations);
            shrunk.Failure.Should().BeOfType(bug.Failure);
            FirstLine(shrunk.Failure.Message).Should().Be(FirstLine(result.Failure!.Message));
        }
    }

    [Theory]
    [MemberData(nameof(BugsAndStrategies))]
    public void Shrink_CorpusBug_ShrunkScheduleReplaysFromItsPastedValue(string name, ExplorationStrategy strategy)
    {
        Bug bug = BugCorpus.Get(name);
        TrioTestResult found = TrioTestRunner.Run(bug.Body, Options(strategy, baseSeed: 9));
        ShrunkSchedule shrunk = found.Shrunk!;

        TrioTestResult fromOption = TrioTestRunner.Run(bug.Body, new TrioTestOptions { Schedule = shrunk.Schedule, Iterations = 1000, GetEnvironmentVariable = _ => null });
        TrioTestResult fromEnvironment = TrioTestRunner.Run(bug.Body, new TrioTestOptions
        {
            Iterations = 1000,
            GetEnvironmentVariable = variable => variable == "TRIOTEST_SEED" ? shrunk.Schedule : null,
        });

        foreach (TrioTestResult replay in new[] { fromOption, fromEnvironment })
        {
            replay.SchedulesRun.Should().Be(1);
            replay.Failure.Should().BeOfType(bug.Failure);
            replay.Failure!.Message.Should().Be(shrunk.Failure.Message);
            replay.Trace.Hash.Should().Be(shrunk.Trace.Hash, "{0} must replay the shrunk schedule exactly", shrunk.Schedule);
            replay.Shrunk.Should().BeNull("a pasted schedule is not shrunk again");
            replay.Report.Should().Contain($"replay: [AsyncTest(Seed = \"{shrunk.Schedule}\")] or TRIOTEST_SEED={shrunk.Schedule}");
        }
    }

    [Theory]
    [MemberData(nameof(BugsAndStrategies))]
    public void Report_ShrunkCorpusBug_ShowsEachDeviationAndTheReplayLine(string name, ExplorationStrategy strategy)
    {
        Bug bug = BugCorpus.Get(name);

        TrioTestResult result = TrioTestRunner.Run(bug.Body, Options(strategy, baseSeed: 3));

        ShrunkSchedule shrunk = result.Shrunk!;
        string[] lines = result.Report!.Split('\n');
        int header = Array.FindIndex(lines, line => line.StartsWith("  shrunk: ", StringComparison.Ordinal));
        header.Should().BePositive(result.Report);
        lines.Skip(header + 1).Take(shrunk.Deviations.Count).Should().Equal(shrunk.Deviations.Select(d => "    " + d));
        lines[header + 1 + shrunk.Deviations.Count].Should().Be($"  replay shrunk: [AsyncTest(Seed = \"{shrunk.Schedule}\")] or TRIOTEST_SEED={shrunk.Schedule}");
        shrunk.Deviations.Should().OnlyContain(d => d.Task != null && d.InsteadOf != null && d.Task != d.InsteadOf);
        shrunk.Deviations.Select(d => d.ToString()).Should().OnlyContain(text => text.StartsWith("step ", StringComparison.Ordinal) && text.Contains(": ran main/") && text.Contains(" before main/"));
    }

    [Fact]
    public void Shrink_SameSeed_SameShrunkScheduleEveryRun()
    {
        Bug bug = BugCorpus.Get("three-way ordering");

        string[] schedules = [.. Enumerable.Range(0, 5).Select(_ => TrioTestRunner.Run(bug.Body, Options(ExplorationStrategy.Random, baseSeed: 4)).Shrunk!.Schedule)];

        schedules.Distinct().Should().ContainSingle();
    }

    internal static TrioTestOptions Options(ExplorationStrategy strategy, ulong baseSeed) =>
        new() { Iterations = 1000, Strategy = strategy, BaseSeed = baseSeed, GetEnvironmentVariable = _ => null };

    private static string FirstLine(string text) => text.Split('\n')[0];
}
