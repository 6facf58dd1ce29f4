// These fixtures misuse [AsyncTestMethod] on purpose, to test the adapter's messages.
#pragma warning disable TRIO007
using TrioTest.MSTest;

namespace TrioTest.MSTest.Tests.Fixtures;

[TestClass]
public sealed class MisuseFixtures
{
    [AsyncTestMethod(Iterations = 0)]
    public Task Zero_iterations() => Task.CompletedTask;

    [AsyncTestMethod(Seed = "0xNOTHEX")]
    public Task Malformed_seed() => Task.CompletedTask;

    [AsyncTestMethod(AutojumpThreshold = -5)]
    public Task Negative_threshold() => Task.CompletedTask;

    [AsyncTestMethod]
    public void Not_async()
    {
    }

    [AsyncTestMethod]
    [Timeout(5000)]
    public Task With_MSTest_Timeout() => Task.CompletedTask;

    [AsyncTestMethod(Iterations = -1)]
    [DataRow(1)]
    public Task Row_with_bad_iterations(int value) => Task.FromResult(value);
}

[TestClass]
public sealed class TimeoutOnInitializeFixtures
{
    [TestInitialize]
    [Timeout(5000)]
    public void Initialize()
    {
    }

    [AsyncTestMethod]
    public Task Initialize_has_a_Timeout() => Task.CompletedTask;
}
