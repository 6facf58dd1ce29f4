// These fixtures misuse [AsyncTest] on purpose, to test the adapter's messages: TRIO007 says the same at compile time.
#pragma warning disable TRIO007
using TrioTest.TUnit;

namespace TrioTest.TUnit.Tests.Fixtures;

public sealed class MisuseFixtures
{
    [Test, AsyncTest(Iterations = 0)]
    public Task Zero_iterations() => Task.CompletedTask;

    [Test, AsyncTest(Seed = "0xNOTHEX")]
    public Task Malformed_seed() => Task.CompletedTask;

    [Test, AsyncTest(AutojumpThreshold = -5)]
    public Task Negative_threshold() => Task.CompletedTask;

    [Test, AsyncTest]
    public void Not_async()
    {
    }

    [Test, AsyncTest(Iterations = -1)]
    [Arguments(1)]
    public Task Row_with_bad_iterations(int value) => Task.FromResult(value);
}
