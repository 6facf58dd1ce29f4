using FluentAssertions;

namespace TrioTest.Testing.Tests.Corpus;

public class BugCorpusTests
{
    public static TheoryData<string> Bugs => [.. BugCorpus.All.Select(bug => bug.Name)];

    public static TheoryData<string> PctOnlyBugs => [.. BugCorpus.BeyondBatchShuffling.Select(bug => bug.Name)];

    [Theory]
    [MemberData(nameof(Bugs))]
    public void Bug_UnderFifo_Passes(string name)
    {
        Bug bug = BugCorpus.Get(name);

        TrioTestResult result = TrioTestRunner.Run(bug.Body, new TrioTestOptions { Strategy = ExplorationStrategy.Fifo });

        result.Passed.Should().BeTrue("each bug must depend on the schedule, and the FIFO order is a passing one: {0}", result.Report);
    }

    [Theory]
    [MemberData(nameof(Bugs))]
    public void Bug_ExploredByRandom_FoundWithin1000SchedulesForEvery1Of100BaseSeeds(string name) =>
        AssertFoundForEveryBaseSeed(BugCorpus.Get(name), ExplorationStrategy.Random);

    [Theory]
    [MemberData(nameof(Bugs))]
    public void Bug_ExploredByPct_FoundWithin1000SchedulesForEvery1Of100BaseSeeds(string name) =>
        AssertFoundForEveryBaseSeed(BugCorpus.Get(name), ExplorationStrategy.Pct);

    [Theory]
    [MemberData(nameof(PctOnlyBugs))]
    public void BugBeyondBatchShuffling_ExploredByPct_FoundForEvery1Of100BaseSeeds(string name) =>
        AssertFoundForEveryBaseSeed(BugCorpus.Get(name), ExplorationStrategy.Pct);

    [Theory]
    [MemberData(nameof(Bugs))]
    public void Bug_ReportedSeed_Replays100TimesWithAByteIdenticalTrace(string name)
    {
        Bug bug = BugCorpus.Get(name);
        TrioTestResult found = TrioTestRunner.Run(bug.Body, new TrioTestOptions { Iterations = 1000, BaseSeed = 7 });
        found.Passed.Should().BeFalse();
        string canonical = found.Trace.ToCanonicalText();

        for (int i = 0; i < 100; i++)
        {
            TrioTestResult replay = TrioTestRunner.Run(bug.Body, new TrioTestOptions { Seed = found.Seed });

            replay.Failure.Should().BeOfType(bug.Failure);
            replay.Failure!.Message.Should().Be(found.Failure!.Message);
            replay.Trace.ToCanonicalText().Should().Be(canonical, "replay {0} of seed {1} must repeat the schedule exactly", i, found.Seed.ToString());
        }
    }

    [Theory]
    [MemberData(nameof(Bugs))]
    public void Bug_ReportedSeedFromTheEnvironment_ReplaysTheSameTrace(string name)
    {
        Bug bug = BugCorpus.Get(name);
        TrioTestResult found = TrioTestRunner.Run(bug.Body, new TrioTestOptions { Iterations = 1000, BaseSeed = 11 });
        string seed = found.Seed.ToString();

        TrioTestResult replay = TrioTestRunner.Run(bug.Body, new TrioTestOptions
        {
            Iterations = 1000,
            GetEnvironmentVariable = variable => variable == "TRIOTEST_SEED" ? seed : null,
        });

        replay.SchedulesRun.Should().Be(1);
        replay.SeedSource.Should().Be(SeedSource.Environment);
        replay.Trace.Hash.Should().Be(found.Trace.Hash);
    }

    [Fact]
    public void Bug_ReportedSeed_ReplaysInANewProcessFromTRIOTEST_SEED()
    {
        foreach (Bug bug in BugCorpus.All)
        {
            TrioTestResult found = TrioTestRunner.Run(bug.Body, new TrioTestOptions { Iterations = 1000, BaseSeed = 23 });

            string[] replayed = RunReplayProcess(bug.Name, found.Seed.ToString());

            replayed.Should().Equal(
                ["Environment", $"{found.Failure!.GetType().Name}: {found.Failure.Message.ReplaceLineEndings(" ")}", found.Trace.Hash],
                "seed {0} of \"{1}\" must replay in a new process", found.Seed.ToString(), bug.Name);
        }
    }

    private static string[] RunReplayProcess(string bug, string seed)
    {
        string tool = Path.Combine(AppContext.BaseDirectory, "TrioTest.Testing.Corpus.dll");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(tool);
        start.ArgumentList.Add(bug);
        start.Environment["TRIOTEST_SEED"] = seed;
        using var process = System.Diagnostics.Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.Should().Be(0, error);
        return output.TrimEnd('\n').Split('\n');
    }

    private static void AssertFoundForEveryBaseSeed(Bug bug, ExplorationStrategy strategy)
    {
        var misses = new List<ulong>();
        for (ulong baseSeed = 1; baseSeed <= 100; baseSeed++)
        {
            TrioTestResult result = TrioTestRunner.Run(bug.Body, new TrioTestOptions
            {
                Iterations = 1000,
                Strategy = strategy,
                BaseSeed = baseSeed,
                RecordTrace = false,
            });

            if (result.Passed)
            {
                misses.Add(baseSeed);
                continue;
            }

            result.Failure.Should().BeOfType(bug.Failure, "the corpus bug \"{0}\" shows up as that exception, not as: {1}", bug.Name, result.Report);
        }

        misses.Should().BeEmpty("{0} must find \"{1}\" within 1,000 schedules for every base seed", strategy, bug.Name);
    }
}
