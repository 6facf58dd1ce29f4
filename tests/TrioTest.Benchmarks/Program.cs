using BenchmarkDotNet.Running;
using TrioTest.Benchmarks.Report;

namespace TrioTest.Benchmarks;

/// <summary>
/// Runs the suites; pass BenchmarkDotNet arguments (run.sh passes a short job and writes docs/benchmarks.md).
/// <c>corpus</c> as the only argument prints the schedules-to-first-failure table, the shrinking table (time per bug) and
/// the coverage of the exploration benchmark's bodies instead; <c>shrinking</c> prints the last two only.
/// <c>profile BODY SECONDS</c> runs one benchmark's body in a loop for a profiler (see <see cref="Profiling"/>).
/// <c>report RESULTS [WALL_TIMES [ADAPTER_WALL_TIMES]]</c> prints the goals table from a run's exported JSON (run.sh writes it into docs/benchmarks.md).
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

        if (args is ["shrinking"])
        {
            CorpusReport.RunShrinking(Console.Out);
            ExplorationBenchmarks.RunCoverage(Console.Out);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
