using BenchmarkDotNet.Attributes;
using TrioTest.Testing;

namespace TrioTest.Benchmarks;

/// <summary>
/// Exploration throughput: 1,000 schedules of a body through the harness (seeds, trace recording, the run's nursery,
/// report plumbing) against the same 1,000 bare <see cref="Trio.Run(Func{Task}, RunOptions?)"/> calls in the same run.
/// Schedules per second = 1,000 / the mean time of one operation. Ten iterations rather than the short job's three: the
/// two rows run at different moments, and more of them average out a shared machine's changes of load.
/// </summary>
[MemoryDiagnoser]
[IterationCount(10)]
public class ExplorationBenchmarks
{
    /// <summary>How many schedules each case explores; <see cref="CoyoteBenchmarks"/> runs as many Coyote iterations.</summary>
    internal const int Schedules = 1000;

    private readonly TrioTestOptions _options = new() { Iterations = Schedules, BaseSeed = 1, GetEnvironmentVariable = _ => null };

    [Params("trivial 2 tasks", "10 tasks x 100 checkpoints", "bounded buffer")]
    public string Body { get; set; } = "trivial 2 tasks";

    /// <summary>Gets the strategy of the harness's schedules: the harness's default, Random, unless <see cref="CoyoteBenchmarks"/> asks for Pct.</summary>
    internal ExplorationStrategy Strategy { get; init; } = ExplorationStrategy.Random;

    private Func<Task> _body = null!;

    [GlobalSetup]
    public void Setup()
    {
        _options.RecordTrace = true;
        _options.Strategy = Strategy;
        if (Body == "bounded buffer")
        {
            // Coyote's bounded-buffer sample, fixed: the body of the Coyote comparison.
            _body = () => BoundedBuffer.RunAsync();
            return;
        }

        (int tasks, int checkpoints) = Body.StartsWith("trivial", StringComparison.Ordinal) ? (2, 1) : (10, 100);
        _body = () => Nursery.RunAsync(nursery =>
        {
            for (int i = 0; i < tasks; i++)
            {
                nursery.StartSoon(async () =>
                {
                    for (int j = 0; j < checkpoints; j++)
                    {
                        await Trio.CheckpointAsync("work");
                    }
                }, "worker");
            }

            return Task.CompletedTask;
        });
        _options.RecordTrace = true;
    }

    /// <summary>
    /// The coverage of the two bodies' 1,000 schedules (base seed 1), and how many schedules an exploration with
    /// <see cref="TrioTestOptions.StopAfterSchedulesWithoutNewCoverage"/> of 50 runs before it stops: counts, the same on every machine.
    /// </summary>
    public static void RunCoverage(TextWriter output)
    {
        output.WriteLine("| body | schedules | distinct traces | conflict orderings | schedules run with StopAfterSchedulesWithoutNewCoverage = 50 |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        foreach (string body in new[] { "trivial 2 tasks", "10 tasks x 100 checkpoints", "bounded buffer" })
        {
            var benchmark = new ExplorationBenchmarks { Body = body };
            benchmark.Setup();
            ExplorationCoverage all = TrioTestRunner.Run(benchmark._body, benchmark._options).Coverage;
            TrioTestOptions stopping = benchmark._options.Clone();
            stopping.StopAfterSchedulesWithoutNewCoverage = 50;
            TrioTestResult stopped = TrioTestRunner.Run(benchmark._body, stopping);
            output.WriteLine($"| {body} | {all.Schedules} | {all.DistinctTraces} | {all.ConflictOrderings.Count} | {stopped.SchedulesRun} |");
        }
    }

    [Benchmark(Baseline = true, Description = "1,000 bare Trio.Run")]
    public void BareRuns()
    {
        for (ulong seed = 1; seed <= Schedules; seed++)
        {
            Trio.Run(_body, new RunOptions { Clock = VirtualClock.CreateAutojumping(), Seed = seed, Strategy = new RandomStrategy() });
        }
    }

    [Benchmark(Description = "1,000 harness schedules, trace on")]
    public TrioTestResult HarnessSchedules() => TrioTestRunner.Run(_body, _options);

    /// <summary>The harness's schedules with the trace (and so coverage) on or off, for a profile of what each part costs.</summary>
    internal TrioTestResult HarnessSchedules(bool recordTrace)
    {
        TrioTestOptions options = _options.Clone();
        options.RecordTrace = recordTrace;
        return TrioTestRunner.Run(_body, options);
    }
}
