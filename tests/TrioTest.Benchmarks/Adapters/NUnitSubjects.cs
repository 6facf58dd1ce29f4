using NUnit.Framework;
using TrioTest.NUnit;

namespace TrioTest.Benchmarks.Adapters;

/// <summary>The pair the adapter benchmark runs through NUnit: the same trivial body as a plain async [Test] and as an [AsyncTest].</summary>
public sealed class NUnitSubjects
{
    [Test]
    public async Task PlainTest() => await Task.Yield();

    [AsyncTest]
    public async Task TrioAsyncTest() => await Task.Yield();
}
