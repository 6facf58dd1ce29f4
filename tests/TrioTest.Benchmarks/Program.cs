using BenchmarkDotNet.Running;

namespace TrioTest.Benchmarks;

/// <summary>Runs the suites; pass BenchmarkDotNet arguments (run.sh passes a short job and writes docs/benchmarks.md).</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
