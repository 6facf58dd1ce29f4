using System.Diagnostics;
using TrioTest.Testing;
using TrioTest.Testing.Tests.Corpus;

// Usage: TrioTest.Testing.Corpus "<bug name>"   (with TRIOTEST_SEED set)
//   Prints: the seed's source, the failure's type and message, and the trace hash, one per line.
// Usage: TrioTest.Testing.Corpus --runaway "<runaway name>"
//   Runs a body that never ends under the default limits with seed 42. Prints: the failure's type, the report's first
//   four lines, and the process's peak working set in bytes, one per line.
if (args is ["--runaway", string runaway])
{
    TrioTestResult stopped = TrioTestRunner.Run(Runaways.Get(runaway), new TrioTestOptions { Seed = 42 });
    Console.WriteLine(stopped.Failure?.GetType().Name ?? "passed");
    foreach (string line in (stopped.Report ?? string.Empty).Split('\n').Take(4))
    {
        Console.WriteLine(line);
    }

    using var self = Process.GetCurrentProcess();
    Console.WriteLine(self.PeakWorkingSet64);
    return 0;
}

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: TrioTest.Testing.Corpus \"<corpus bug name>\" (set TRIOTEST_SEED), or TrioTest.Testing.Corpus --runaway \"<runaway name>\"");
    return 2;
}

TrioTestResult result = TrioTestRunner.Run(BugCorpus.Get(args[0]).Body, new TrioTestOptions { Iterations = 1000 });
Console.WriteLine(result.SeedSource);
Console.WriteLine(result.Failure is null ? "passed" : $"{result.Failure.GetType().Name}: {result.Failure.Message.ReplaceLineEndings(" ")}");
Console.WriteLine(result.Trace.Hash);
return 0;
