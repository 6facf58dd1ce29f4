using TrioTest.Testing;
using TrioTest.Testing.Tests.Corpus;

// Usage: TrioTest.Testing.Corpus "<bug name>"   (with TRIOTEST_SEED set)
// Prints: the seed's source, the failure's type and message, and the trace hash, one per line.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: TrioTest.Testing.Corpus \"<corpus bug name>\" (set TRIOTEST_SEED)");
    return 2;
}

TrioTestResult result = TrioTestRunner.Run(BugCorpus.Get(args[0]).Body, new TrioTestOptions { Iterations = 1000 });
Console.WriteLine(result.SeedSource);
Console.WriteLine(result.Failure is null ? "passed" : $"{result.Failure.GetType().Name}: {result.Failure.Message.ReplaceLineEndings(" ")}");
Console.WriteLine(result.Trace.Hash);
return 0;
