using BenchmarkDotNet.Attributes;
using Xunit.Abstractions;

namespace TrioTest.Benchmarks.Adapters;

/// <summary>
/// What [AsyncTest] adds to a trivial test: one test case run through xunit's own execution pipeline (assembly,
/// collection, class and method runners, messages), as a plain async [Fact] and as an [AsyncTest] with the same body.
/// </summary>
[MemoryDiagnoser]
public class AdapterBenchmarks
{
    private XunitInProcess _xunit = null!;

    private ITestCase _plainFact = null!;

    private ITestCase _asyncTest = null!;

    [GlobalSetup]
    public void Setup()
    {
        _xunit = new XunitInProcess();
        _plainFact = _xunit.Discover(typeof(XunitSubjects), nameof(XunitSubjects.PlainFact));
        _asyncTest = _xunit.Discover(typeof(XunitSubjects), nameof(XunitSubjects.TrioAsyncTest));
        if (!_xunit.Run(_plainFact) || !_xunit.Run(_asyncTest))
        {
            throw new InvalidOperationException("A subject test did not pass: the benchmark would time a failure path.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _xunit.Dispose();

    [Benchmark(Baseline = true, Description = "xunit [Fact], async trivial body")]
    public bool XunitFact() => _xunit.Run(_plainFact);

    [Benchmark(Description = "xunit [AsyncTest], same body")]
    public bool XunitAsyncTest() => _xunit.Run(_asyncTest);
}
