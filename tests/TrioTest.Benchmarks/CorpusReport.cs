using System.Globalization;
using TrioTest.Testing;
using TrioTest.Testing.Tests.Corpus;

namespace TrioTest.Benchmarks;

/// <summary>
/// Schedules to first failure: for every bug of the corpus and every strategy, explores with 100 base seeds (1..100)
/// and reports the mean, median and max number of schedules the harness ran until the bug showed (PCT's FIFO sizing
/// run not counted). A count, not a time: it is the same on every machine.
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
            foreach (ExplorationStrategy strategy in new[] { ExplorationStrategy.Random, ExplorationStrategy.Pct })
            {
                var counts = new List<int>();
                for (ulong baseSeed = 1; baseSeed <= BaseSeeds; baseSeed++)
                {
                    TrioTestResult result = TrioTestRunner.Run(bug.Body, new TrioTestOptions
                    {
                        Iterations = Budget,
                        Strategy = strategy,
                        BaseSeed = baseSeed,
                        RecordTrace = false,
                        GetEnvironmentVariable = _ => null,
                    });
                    if (!result.Passed)
                    {
                        counts.Add(result.Schedule);
                    }
                }

                counts.Sort();
                string mean = counts.Count == 0 ? "-" : counts.Average().ToString("0.0", CultureInfo.InvariantCulture);
                string median = counts.Count == 0 ? "-" : Median(counts).ToString("0.#", CultureInfo.InvariantCulture);
                string max = counts.Count == 0 ? "-" : counts[^1].ToString(CultureInfo.InvariantCulture);
                string name = strategy == ExplorationStrategy.Pct ? "Pct (depth 3)" : "Random";
                output.WriteLine($"| {bug.Name} | {bug.Constraints} | {name} | {mean} | {median} | {max} | {counts.Count} |");
            }
        }
    }

    private static double Median(List<int> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2.0;
}
