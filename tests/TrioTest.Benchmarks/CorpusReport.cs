using System.Globalization;
using TrioTest.Testing;
using TrioTest.Testing.Tests.Corpus;

namespace TrioTest.Benchmarks;

/// <summary>
/// Schedules to first failure: for every bug of the corpus and every strategy, explores with 100 base seeds (1..100)
/// and reports the mean, median and max number of runs until the bug showed. Pct is shown twice: as the harness runs
/// it, with its FIFO sizing run first (counted as a run here, and the whole count when that run finds the bug), and
/// alone, given the FIFO step count up front so only Pct schedules run. A count, not a time: it is the same on every machine.
/// </summary>
public static class CorpusReport
{
    private const int BaseSeeds = 100;

    private const int Budget = 1000;

    public static void Run(TextWriter output)
    {
        output.WriteLine($"| bug | constraints | strategy | mean | median | max | found (of {BaseSeeds}) |");
        output.WriteLine("|---|---:|---|---:|---:|---:|---:|");
        foreach (Bug bug in BugCorpus.All.Concat(BugCorpus.BeyondBatchShuffling))
        {
            long fifoSteps = TrioTestRunner.Run(bug.Body, new TrioTestOptions { Strategy = ExplorationStrategy.Fifo, GetEnvironmentVariable = _ => null }).Steps;
            foreach ((string name, ExplorationStrategy strategy, long? stepEstimate) in new (string, ExplorationStrategy, long?)[]
            {
                ("Random", ExplorationStrategy.Random, null),
                ("Pct (depth 3), FIFO probe first", ExplorationStrategy.Pct, null),
                ("Pct (depth 3) alone", ExplorationStrategy.Pct, Math.Max(1, fifoSteps)),
            })
            {
                var counts = new List<int>();
                for (ulong baseSeed = 1; baseSeed <= BaseSeeds; baseSeed++)
                {
                    TrioTestResult result = TrioTestRunner.Run(bug.Body, new TrioTestOptions
                    {
                        Iterations = Budget,
                        Strategy = strategy,
                        PctStepEstimate = stepEstimate,
                        BaseSeed = baseSeed,
                        RecordTrace = false,
                        GetEnvironmentVariable = _ => null,
                    });
                    if (!result.Passed)
                    {
                        // With the probe, the probe is a run too: it alone when it failed, else one more than the Pct schedules.
                        bool probed = strategy == ExplorationStrategy.Pct && stepEstimate is null;
                        counts.Add(result.Strategy == ExplorationStrategy.Fifo ? 1 : result.Schedule + (probed ? 1 : 0));
                    }
                }

                counts.Sort();
                string mean = counts.Count == 0 ? "-" : counts.Average().ToString("0.0", CultureInfo.InvariantCulture);
                string median = counts.Count == 0 ? "-" : Median(counts).ToString("0.#", CultureInfo.InvariantCulture);
                string max = counts.Count == 0 ? "-" : counts[^1].ToString(CultureInfo.InvariantCulture);
                output.WriteLine($"| {bug.Name} | {bug.Constraints} | {name} | {mean} | {median} | {max} | {counts.Count} |");
            }
        }
    }

    /// <summary>
    /// Shrinking per bug: for base seeds 1..20, the failure each strategy finds is shrunk (the harness's defaults); the table
    /// gives the most deviations left (against the bug's depth), the mean schedules shrinking ran, and its real time.
    /// Times are of this machine; the deviations and schedules are the same everywhere.
    /// </summary>
    public static void RunShrinking(TextWriter output)
    {
        const int seeds = 20;
        output.WriteLine($"| bug | constraints | strategy | deviations before (mean) | deviations after (max) | shrink schedules (mean) | shrink time mean (ms) | shrink time max (ms) |");
        output.WriteLine("|---|---:|---|---:|---:|---:|---:|---:|");
        foreach (Bug bug in BugCorpus.All.Concat(BugCorpus.BeyondBatchShuffling))
        {
            foreach (ExplorationStrategy strategy in new[] { ExplorationStrategy.Random, ExplorationStrategy.Pct })
            {
                var shrunk = new List<ShrunkSchedule>();
                for (ulong baseSeed = 1; baseSeed <= seeds; baseSeed++)
                {
                    TrioTestResult result = TrioTestRunner.Run(bug.Body, new TrioTestOptions { Iterations = Budget, Strategy = strategy, BaseSeed = baseSeed, GetEnvironmentVariable = _ => null });
                    if (result.Shrunk is { } s)
                    {
                        shrunk.Add(s);
                    }
                }

                if (shrunk.Count == 0)
                {
                    continue;
                }

                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {bug.Name} | {bug.Constraints} | {strategy} | {shrunk.Average(s => s.OriginalDeviations):0.0} | {shrunk.Max(s => s.Deviations.Count)} | {shrunk.Average(s => s.SchedulesRun):0.0} | {shrunk.Average(s => s.Elapsed.TotalMilliseconds):0.00} | {shrunk.Max(s => s.Elapsed.TotalMilliseconds):0.00} |"));
            }
        }
    }

    private static double Median(List<int> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2.0;
}
