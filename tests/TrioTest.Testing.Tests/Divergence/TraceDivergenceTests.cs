using FluentAssertions;
using TrioTest.Testing.Tests.Corpus;

namespace TrioTest.Testing.Tests.Divergence;

/// <summary>A seed recorded with its trace, replayed after an edit, names the first step that differs.</summary>
public sealed class TraceDivergenceTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "triotest-divergence-" + Guid.NewGuid().ToString("N"));

    private string FilePath => Path.Combine(_directory, RegressionFile.DefaultFileName);

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Replay_CorpusBodyWithOneCheckpointInserted_NamesTheFirstDivergentStep()
    {
        TrioTestResult found = TrioTestRunner.Run(LostUpdateAsync(insert: false), Options(iterations: 1000));
        string recordedTrace = RecordedTracePath(found.Seed);
        File.Exists(recordedTrace).Should().BeTrue("the trace of a recorded seed is kept beside the regression file");

        TrioTestResult edited = TrioTestRunner.Run(LostUpdateAsync(insert: true), Options(iterations: 1));

        TrioTestResult editedReplay = TrioTestRunner.Run(LostUpdateAsync(insert: true), new TrioTestOptions { Seed = found.Seed, GetEnvironmentVariable = _ => null });
        TraceDivergence divergence = edited.Divergence!;
        divergence.Should().NotBeNull("the recorded seed is replayed first, and the edit changed its schedule: {0}", edited);
        (int index, long step) = FirstDifference(found.Trace, editedReplay.Trace);
        divergence.Index.Should().Be(index);
        divergence.Step.Should().Be(step);
        divergence.Replayed!.Value.Task.Should().Be("main/b");
        divergence.Replayed.Value.Kind.Should().Be(TraceEventKind.Checkpoint);
        divergence.Replayed.Value.Label.Should().Be("inserted");
        divergence.Replayed.Value.Source.Should().StartWith("TraceDivergenceTests.cs:");
        divergence.Recorded.Should().Be(found.Trace.ToCanonicalText().Split('\n')[index]);
        divergence.RecordedTracePath.Should().Be(recordedTrace);
        divergence.ToString().Should().Be(
            $"first difference at step {step}, task main/b\n  before: {divergence.Recorded}\n  after:  {step} 00:00:00.000 main/b checkpoint \"inserted\" {divergence.Replayed.Value.Source}");
    }

    [Fact]
    public void Replay_UnchangedBody_SameScheduleNoDivergence()
    {
        TrioTestResult found = TrioTestRunner.Run(LostUpdateAsync(insert: false), Options(iterations: 1000));

        TrioTestResult replay = TrioTestRunner.Run(LostUpdateAsync(insert: false), Options(iterations: 1));

        replay.Seed.Should().Be(found.Seed);
        replay.Passed.Should().BeFalse();
        replay.Divergence.Should().BeNull("the same body and seed run the same schedule");
        replay.Report.Should().NotContain("diverged");
    }

    [Fact]
    public void Report_DivergentFailingReplay_ShowsBeforeAndAfter()
    {
        Bug bug = BugCorpus.Get("order violation");
        TrioTestResult found = TrioTestRunner.Run(bug.Body, Options(iterations: 1000));
        File.WriteAllText(RecordedTracePath(found.Seed), found.Trace.ToCanonicalText().Replace("\"ready\"", "\"steady\"", StringComparison.Ordinal));

        TrioTestResult replay = TrioTestRunner.Run(bug.Body, Options(iterations: 1));

        replay.Passed.Should().BeFalse();
        replay.Report.Should().Contain($"\n  diverged: this replay of {found.Seed} is not the schedule recorded in {RecordedTracePath(found.Seed)}: first difference at step {replay.Divergence!.Step}, task main/sender\n    before: ");
        replay.Divergence.Recorded.Should().Contain("checkpoint \"steady\"");
        replay.Divergence.Replayed!.Value.Label.Should().Be("ready");
    }

    [Fact]
    public void Find_ReplayEndsEarly_NoReplayedEvent()
    {
        CheckpointTrace longer = TrioTestRunner.Run(() => Trio.CheckpointAsync("x").AsTask(), new TrioTestOptions { GetEnvironmentVariable = _ => null }).Trace;
        CheckpointTrace shorter = TrioTestRunner.Run(() => Task.CompletedTask, new TrioTestOptions { GetEnvironmentVariable = _ => null }).Trace;

        TraceDivergence divergence = TraceDivergence.Find(longer.ToCanonicalText(), shorter)!;

        divergence.Should().NotBeNull();
        divergence.ToString().Should().Contain("after:  ");
        (divergence.Replayed is null || divergence.Recorded is null || divergence.Recorded != divergence.Replayed.Value.ToString()).Should().BeTrue();
        TraceDivergence.Find(longer.ToCanonicalText(), longer).Should().BeNull();
    }

    private static Func<Task> LostUpdateAsync(bool insert) => async () =>
    {
        int balance = 0;
        async Task DepositAsync()
        {
            int read = balance;
            await Trio.CheckpointAsync("read");
            balance = read + 10;
        }

        await Nursery.RunAsync(nursery =>
        {
            nursery.StartSoon(DepositAsync, "a");
            nursery.StartSoon(async () =>
            {
                await Trio.CheckpointAsync("log");
                if (insert)
                {
                    await Trio.CheckpointAsync("inserted");
                }

                await DepositAsync();
            }, "b");
            return Task.CompletedTask;
        });

        if (balance != 20)
        {
            throw new InvalidOperationException($"Lost update: the balance is {balance} after two deposits of 10.");
        }
    };

    private static (int Index, long Step) FirstDifference(CheckpointTrace before, CheckpointTrace after)
    {
        int index = 0;
        while (before[index].ToString() == after[index].ToString())
        {
            index++;
        }

        return (index, after[index].Step);
    }

    private string RecordedTracePath(Seed seed) =>
        Path.Combine(_directory, "triotest-traces", $"Bank.LostUpdate-{seed}.trace");

    private TrioTestOptions Options(int iterations) => new()
    {
        Iterations = iterations,
        BaseSeed = 21,
        TestName = "Bank.LostUpdate",
        RegressionFilePath = FilePath,
        Shrink = false,
        GetEnvironmentVariable = _ => null,
    };
}
