// These fixtures misuse [AsyncTest] on purpose, to test the adapter's discovery messages: TRIO007 says the same at compile time.
#pragma warning disable TRIO007
using Xunit;

namespace TrioTest.Xunit.Tests.Fixtures;

public sealed class MisuseFixtures
{
    [AsyncTest(Iterations = 0)]
    public Task Zero_iterations() => Task.CompletedTask;

    [AsyncTest(Seed = "0xNOTHEX")]
    public Task Malformed_seed() => Task.CompletedTask;

    [AsyncTest(AutojumpThreshold = -5)]
    public Task Negative_threshold() => Task.CompletedTask;

    [AsyncTest(PctDepth = 0, Strategy = TrioTest.Testing.ExplorationStrategy.Pct)]
    public Task Zero_depth() => Task.CompletedTask;

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
    public Task Generic<T>() => Task.FromResult(typeof(T));

    [AsyncTest]
    public Task Parameters_without_data(int value) => Task.FromResult(value);

    // The row does not match on purpose: the adapter must say so in a sentence.
#pragma warning disable xUnit1011
    [AsyncTheory]
    [InlineData(1, 2)]
    public Task Theory_row_with_too_many_values(int value) => Task.FromResult(value);
#pragma warning restore xUnit1011
}
