using TrioTest.Xunit;
using Xunit;

namespace TrioTest.Benchmarks.Adapters;

/// <summary>The pair the adapter benchmark runs through xunit: the same trivial body as a plain async [Fact] and as an [AsyncTest].</summary>
public sealed class XunitSubjects
{
    [Fact]
    public async Task PlainFact() => await Task.Yield();

    [AsyncTest]
    public async Task TrioAsyncTest() => await Task.Yield();
}
