using FluentAssertions;
using TrioTest.Testing.Tests.Corpus;

namespace TrioTest.Testing.Tests.Sharding;

public class ShardedExplorationTests
{
    /// <summary>A body with many distinct interleavings: three tasks, three labelled checkpoints each.</summary>
    private static Task ThreeWorkersAsync() => Nursery.RunAsync(nursery =>
    {
        foreach (string name in new[] { "a", "b", "c" })
        {
            nursery.StartSoon(async () =>
            {
                for (int i = 0; i < 3; i++)
                {
                    await Trio.CheckpointAsync("work");
                }
            }, name);
        }

        return Task.CompletedTask;
    });

    [Fact]
    public void Run_EightShardsOf1000Schedules_RunExactlyTheUnshardedSchedules()
    {
        var unsharded = new ScheduleLog();
        TrioTestResult whole = TrioTestRunner.Run(ThreeWorkersAsync, Options(unsharded, shard: null));
        var sharded = new ScheduleLog();
        var perShard = new List<int>();
        var shardFingerprints = new List<ulong>();

        for (int i = 0; i < 8; i++)
        {
            int before = sharded.Schedules.Count;
            TrioTestResult part = TrioTestRunner.Run(ThreeWorkersAsync, Options(sharded, $"{i}/8"));
            part.Passed.Should().BeTrue();
            part.Shard.Should().Be(new TestShard(i, 8));
            perShard.Add(sharded.Schedules.Count - before);
            shardFingerprints.AddRange(part.Coverage.TraceFingerprints);
        }

        whole.SchedulesRun.Should().Be(1000);
        sharded.Seeds.Should().BeEquivalentTo(unsharded.Seeds, "the shards run the unsharded run's schedules, each once");
        sharded.Seeds.Should().OnlyHaveUniqueItems("the shards are disjoint");
        sharded.Schedules.Should().BeEquivalentTo(unsharded.Schedules, "the same multiset of traces");
        unsharded.Schedules.Distinct().Count().Should().BeGreaterThan(100, "the body must have many interleavings for the test to mean anything");
        perShard.Should().Equal(125, 125, 125, 125, 125, 125, 125, 125);
        shardFingerprints.Should().BeEquivalentTo(whole.Coverage.TraceFingerprints, "the same multiset of trace fingerprints");
    }

    [Fact]
    public void Run_ShardWithoutAFixedBaseSeed_FailsSayingWhatToSet()
    {
        var options = new TrioTestOptions
        {
            Iterations = 10,
            TestName = "Tests.Sharded",
            GetEnvironmentVariable = name => name == "TRIOTEST_SHARD" ? "3/8" : null,
        };

        Action run = () => TrioTestRunner.Run(ThreeWorkersAsync, options);

        run.Should().Throw<TrioTestConfigurationException>()
            .WithMessage("TRIOTEST_SHARD is \"3/8\", but test Tests.Sharded has no fixed base seed*Set TRIOTEST_BASE_SEED to the same value in every shard*or set BaseSeed on the test.");
    }

    [Fact]
    public void Run_InvalidShardVariable_FailsWithTheForm()
    {
        var options = new TrioTestOptions { BaseSeed = 1, GetEnvironmentVariable = name => name == "TRIOTEST_SHARD" ? "3/2" : null };

        Action run = () => TrioTestRunner.Run(ThreeWorkersAsync, options);

        run.Should().Throw<TrioTestConfigurationException>().WithMessage("TRIOTEST_SHARD is \"3/2\": use i/n with 0 <= i < n, such as 0/8*");
    }

    [Fact]
    public void Run_BaseSeedFromTheEnvironment_ShardsAgreeAndTestsDiffer()
    {
        static List<Seed> Seeds(string test, string? shard)
        {
            var seeds = new List<Seed>();
            TrioTestRunner.Run(context =>
            {
                seeds.Add(context.Seed);
                return Task.CompletedTask;
            }, new TrioTestOptions
            {
                Iterations = 20,
                TestName = test,
                GetEnvironmentVariable = name => name switch { "TRIOTEST_BASE_SEED" => "12345", "TRIOTEST_SHARD" => shard, _ => null },
            });
            return seeds;
        }

        List<Seed> whole = Seeds("Tests.A", shard: null);
        List<Seed> halves = [.. Seeds("Tests.A", "0/2"), .. Seeds("Tests.A", "1/2")];
        List<Seed> other = Seeds("Tests.B", shard: null);

        halves.Should().BeEquivalentTo(whole);
        other.Should().NotIntersectWith(whole, "TRIOTEST_BASE_SEED is mixed with the test's name");
    }

    [Fact]
    public void Run_ShardOwningNoSchedule_PassesHavingRunNothing()
    {
        int bodies = 0;

        TrioTestResult result = TrioTestRunner.Run(() =>
        {
            bodies++;
            return Task.CompletedTask;
        }, new TrioTestOptions { BaseSeed = 1, Shard = new TestShard(3, 8), GetEnvironmentVariable = _ => null });

        bodies.Should().Be(0);
        result.Passed.Should().BeTrue();
        result.SchedulesRun.Should().Be(0);
        result.ToString().Should().Be("passed: no schedule of this test is in shard 3/8");
    }

    [Fact]
    public void Run_FailingShard_ReportsTheShardAndASeedThatReplaysUnsharded()
    {
        Bug bug = BugCorpus.Get("lost update across an await");
        TrioTestResult failed = Enumerable.Range(0, 8)
            .Select(i => TrioTestRunner.Run(bug.Body, new TrioTestOptions { Iterations = 1000, BaseSeed = 5, Shard = new TestShard(i, 8), GetEnvironmentVariable = _ => null }))
            .First(result => !result.Passed);

        TrioTestResult replay = TrioTestRunner.Run(bug.Body, new TrioTestOptions { Seed = failed.Seed, GetEnvironmentVariable = _ => null });

        failed.Report.Should().Contain($", shard {failed.Shard}, Random)");
        replay.Failure!.Message.Should().Be(failed.Failure!.Message);
        replay.Trace.Hash.Should().Be(failed.Trace.Hash);
    }

    [Fact]
    public void Run_ReplaySeedInAShard_RunsInEveryShard()
    {
        int bodies = 0;

        for (int i = 0; i < 4; i++)
        {
            TrioTestRunner.Run(() =>
            {
                bodies++;
                return Task.CompletedTask;
            }, new TrioTestOptions { Seed = 9, Shard = new TestShard(i, 4), GetEnvironmentVariable = _ => null });
        }

        bodies.Should().Be(4, "a pasted replay line must replay wherever it runs");
    }

    private static TrioTestOptions Options(ScheduleLog log, string? shard)
    {
        var options = new TrioTestOptions
        {
            Iterations = 1000,
            BaseSeed = 77,
            GetEnvironmentVariable = name => name == "TRIOTEST_SHARD" ? shard : null,
        };
        options.Instruments.Add(log);
        return options;
    }

    /// <summary>Writes down each schedule as the sequence of steps and checkpoints its tasks took, and its seed.</summary>
    private sealed class ScheduleLog : Instrument
    {
        private readonly System.Text.StringBuilder _current = new();

        public List<string> Schedules { get; } = [];

        public List<Seed> Seeds { get; } = [];

        public override void BeforeRun(in RunEventArgs args) => _current.Clear();

        public override void BeforeTaskStep(in TaskEventArgs args) => _current.Append(args.Task.Path).Append(';');

        public override void Checkpoint(in CheckpointEventArgs args) => _current.Append(args.Task.Path).Append(':').Append(args.Location.Label).Append(';');

        public override void AfterRun(in RunEventArgs args)
        {
            Schedules.Add(_current.ToString());
            Seeds.Add(args.Seed);
        }
    }
}
