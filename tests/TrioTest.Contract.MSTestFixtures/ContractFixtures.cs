using Microsoft.VisualStudio.TestTools.UnitTesting;
using TrioTest.MSTest;
using TrioTest.Testing;

// These fixtures fail on purpose: their seeds must not land in a regression file in the repository.
[assembly: AsyncTestDefaults(RecordRegressions = false)]
[assembly: DoNotParallelize]

namespace TrioTest.Contract;

/// <summary>
/// The adapter contract through MSTest; every framework's ContractFixtures has these methods, with these names, but for
/// <c>Misuse_async_void</c>: MSTest's own discovery rejects an <c>async void</c> test method (UTA007) and ends the whole
/// run, before any adapter is asked.
/// </summary>
[TestClass]
public sealed class ContractFixtures
{
    private readonly Lifecycle _lifecycle = new();

    [TestInitialize]
    public void SetUp() => _lifecycle.SetUp();

    [TestCleanup]
    public void TearDown() => _lifecycle.TearDown();

    [AsyncTestMethod]
    public Task Passes() => Scenarios.PassesAsync();

    [AsyncTestMethod(Seed = "0x2A")]
    public Task Fails() => Scenarios.FailsAsync();

    [AsyncTestMethod(Iterations = 200)]
    public Task Race() => Scenarios.LostUpdateAsync();

    [AsyncTestMethod(Seed = Scenarios.LosingSeed)]
    public Task Race_replayed() => Scenarios.LostUpdateAsync();

    [AsyncTestMethod]
    public Task Lifecycle_on_the_loop() => _lifecycle.CheckBodyAsync();

    [AsyncTestMethod]
    [DataRow(1)]
    [DataRow(2)]
    [DataRow(3)]
    public Task Rows(int value) => Scenarios.RowAsync(value);

    [AsyncTestMethod]
    [Ignore("the contract's skipped test")]
    public Task Skipped() => Scenarios.FailsAsync();

    [AsyncTestMethod]
    public Task Fails_after_one_hour() => Scenarios.FailsAfterOneHourAsync();

    [AsyncTestMethod(Iterations = 0)]
    public Task Misuse_zero_iterations() => Scenarios.PassesAsync();

    [AsyncTestMethod(Seed = "0xNOTHEX")]
    public Task Misuse_malformed_seed() => Scenarios.PassesAsync();

    [AsyncTestMethod(Strategy = (ExplorationStrategy)7)]
    public Task Misuse_unknown_strategy() => Scenarios.PassesAsync();

    [AsyncTestMethod]
    public void Misuse_not_async()
    {
    }

    [AsyncTestMethod]
    public Task Misuse_parameters_without_data(int value) => Scenarios.RowAsync(value);
}
