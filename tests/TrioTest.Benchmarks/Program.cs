using BenchmarkDotNet.Running;

namespace TrioTest.Benchmarks;

/// <summary>
/// Runs the suites; pass BenchmarkDotNet arguments (run.sh passes a short job and writes docs/benchmarks.md).
/// <c>corpus</c> as the only argument prints the schedules-to-first-failure table instead.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["corpus"])
        {
            CorpusReport.Run(Console.Out);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
