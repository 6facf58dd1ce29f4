using BenchmarkDotNet.Attributes;
using Xunit.Abstractions;

namespace TrioTest.Benchmarks.Adapters;

/// <summary>
/// What [AsyncTest] adds to a trivial test: one test run through each framework's own execution pipeline (for xunit:
/// assembly, collection, class and method runners and their messages; for NUnit: the assembly runner with a filter),
/// as a plain async [Fact]/[Test] and as an [AsyncTest] with the same body. Each pair has its own baseline.
/// </summary>
/// <remarks>
/// A run through a framework's pipeline is noisy on a shared machine (a run allocates enough for the GC to pause some
/// iterations and not others): 30 iterations of half a second each (even under run.sh's short job, which has 3 short
/// ones) average enough runs to bring the ratio's error below the 0.1 the NUnit goal asks for.
/// </remarks>
[MemoryDiagnoser]
[IterationCount(30)]
[IterationTime(500)]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class AdapterBenchmarks
{
    private XunitInProcess _xunit = null!;

    private ITestCase _plainFact = null!;

    private ITestCase _asyncTest = null!;

    private NUnitInProcess _nunit = null!;

    private global::NUnit.Framework.Internal.TestFilter _plainTest = null!;

    private global::NUnit.Framework.Internal.TestFilter _nunitAsyncTest = null!;

    [GlobalSetup]
    public void Setup()
    {
        _xunit = new XunitInProcess();
        _plainFact = _xunit.Discover(typeof(XunitSubjects), nameof(XunitSubjects.PlainFact));
        _asyncTest = _xunit.Discover(typeof(XunitSubjects), nameof(XunitSubjects.TrioAsyncTest));
        _nunit = new NUnitInProcess();
        _plainTest = NUnitInProcess.Filter(typeof(NUnitSubjects), nameof(NUnitSubjects.PlainTest));
        _nunitAsyncTest = NUnitInProcess.Filter(typeof(NUnitSubjects), nameof(NUnitSubjects.TrioAsyncTest));
        if (!_xunit.Run(_plainFact) || !_xunit.Run(_asyncTest) || !_nunit.Run(_plainTest) || !_nunit.Run(_nunitAsyncTest))
        {
            throw new InvalidOperationException("A subject test did not pass: the benchmark would time a failure path.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _xunit.Dispose();

    [BenchmarkCategory("xunit")]
    [Benchmark(Baseline = true, Description = "xunit [Fact], async trivial body")]
    public bool XunitFact() => _xunit.Run(_plainFact);

    [BenchmarkCategory("xunit")]
    [Benchmark(Description = "xunit [AsyncTest], same body")]
    public bool XunitAsyncTest() => _xunit.Run(_asyncTest);

    [BenchmarkCategory("nunit")]
    [Benchmark(Baseline = true, Description = "NUnit [Test], async trivial body")]
    public bool NUnitTest() => _nunit.Run(_plainTest);

    [BenchmarkCategory("nunit")]
    [Benchmark(Description = "NUnit [AsyncTest], same body")]
    public bool NUnitAsyncTest() => _nunit.Run(_nunitAsyncTest);
}
