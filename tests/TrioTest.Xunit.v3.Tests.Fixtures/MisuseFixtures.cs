// These fixtures misuse [AsyncTest] on purpose, to test the adapter's discovery messages: TRIO007 says the same at compile time.
#pragma warning disable TRIO007
using TrioTest.Xunit.v3;

namespace TrioTest.Xunit.v3.Tests.Fixtures;

public sealed class MisuseFixtures
{
    [AsyncTest(Iterations = 0)]
    public Task Zero_iterations() => Task.CompletedTask;

    [AsyncTest(Seed = "0xNOTHEX")]
    public Task Malformed_seed() => Task.CompletedTask;

    [AsyncTest(AutojumpThreshold = -5)]
    public Task Negative_threshold() => Task.CompletedTask;

    [AsyncTest]
    public async void Async_void() => await Task.Yield();

    [AsyncTest]
    public void Not_async()
    {
    }

    [AsyncTheory(Iterations = -1)]
    [InlineData(1)]
    public Task Theory_with_bad_iterations(int value) => Task.FromResult(value);

    [AsyncTest]
    public Task Parameters_without_data(int value) => Task.FromResult(value);
}
