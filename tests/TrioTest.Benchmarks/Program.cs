using BenchmarkDotNet.Running;
using TrioTest.Benchmarks.Report;
using TrioTest.Testing;

namespace TrioTest.Benchmarks;

/// <summary>
/// Runs the suites; pass BenchmarkDotNet arguments (run.sh passes a short job and writes docs/benchmarks.md).
/// <c>corpus</c> as the only argument prints the schedules-to-first-failure table, the shrinking table (time per bug) and
/// the coverage of the exploration benchmark's bodies instead; <c>shrinking</c> prints the last two only.
/// <c>profile BODY SECONDS</c> runs one benchmark's body in a loop for a profiler (see <see cref="Profiling"/>).
/// <c>report RESULTS [WALL_TIMES [ADAPTER_WALL_TIMES]]</c> prints the goals table from a run's exported JSON (run.sh writes it into docs/benchmarks.md).
/// <c>interleaved ROUNDS MILLISECONDS</c> measures the goals' ratios with subject and baseline taking turns in one process (see <see cref="InterleavedRatios"/>).
/// <c>coyote-check</c> checks that Coyote controls the bounded buffer of <see cref="CoyoteBenchmarks"/> (the assembly is
/// rewritten and Coyote finds the buggy twin's deadlock with each strategy) and exits with 1 when it does not.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["corpus"])
        {
            CorpusReport.Run(Console.Out);
            Console.Out.WriteLine();
            Console.Out.WriteLine("Shrinking (base seeds 1..20, the harness's default budgets):");
            Console.Out.WriteLine();
            CorpusReport.RunShrinking(Console.Out);
            Console.Out.WriteLine();
            Console.Out.WriteLine("Coverage of the exploration benchmark's bodies (1,000 schedules, base seed 1):");
            Console.Out.WriteLine();
            ExplorationBenchmarks.RunCoverage(Console.Out);
            return;
        }

        if (args is ["report", string resultsDirectory, .. string[] rest])
        {
            WallTimes? wholeProcess = rest is [string wallTimes, ..] && File.Exists(wallTimes) ? WallTimes.Parse(File.ReadAllLines(wallTimes)) : null;
            AdapterWallTimes? adapters = rest is [_, string adapterTimes] && File.Exists(adapterTimes) ? AdapterWallTimes.Parse(File.ReadAllLines(adapterTimes)) : null;
            GoalsReport.Write(Console.Out, BenchmarkResults.Load(resultsDirectory), wholeProcess, adapters);
            return;
        }

        if (args is ["profile", string body, string seconds])
        {
            Profiling.Run(body, double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture));
            return;
        }

        if (args is ["interleaved", string rounds, string milliseconds])
        {
            InterleavedRatios.Write(Console.Out, int.Parse(rounds, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromMilliseconds(double.Parse(milliseconds, System.Globalization.CultureInfo.InvariantCulture)));
            return;
        }

        if (args is ["coyote-check"])
        {
            Environment.ExitCode = CheckCoyote(Console.Out, Console.Error);
            return;
        }

        if (args is ["shrinking"])
        {
            CorpusReport.RunShrinking(Console.Out);
            ExplorationBenchmarks.RunCoverage(Console.Out);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }

    /// <summary>Prints how many iterations Coyote needs to find the bounded buffer's Pulse twin with each strategy.</summary>
    /// <returns>0 when Coyote controls the body; 1 when the assembly is not rewritten or a strategy misses the twin.</returns>
    private static int CheckCoyote(TextWriter output, TextWriter error)
    {
        foreach (ExplorationStrategy strategy in new[] { ExplorationStrategy.Random, ExplorationStrategy.Pct })
        {
            try
            {
                int iterations = CoyoteExploration.ThrowIfNotControlled(strategy, ExplorationBenchmarks.Schedules);
                output.WriteLine($"coyote-check: Coyote ({strategy}) found the bounded buffer's Pulse twin deadlocking in iteration {iterations} of at most {ExplorationBenchmarks.Schedules}.");
            }
            catch (InvalidOperationException exception)
            {
                error.WriteLine($"coyote-check: {exception.Message}");
                return 1;
            }
        }

        return 0;
    }
}
