using TrioTest.Testing;
using TrioTest.Xunit.v3;
using Xunit;

// These fixtures fail on purpose: their seeds must not land in a regression file in the repository.
[assembly: AsyncTestDefaults(RecordRegressions = false)]

namespace TrioTest.Contract;

/// <summary>The adapter contract through xunit v3; every framework's ContractFixtures has these methods, with these names.</summary>
public sealed class ContractFixtures : IAsyncLifetime
{
    private readonly Lifecycle _lifecycle = new();

    public ContractFixtures() => _lifecycle.SetUp();

    [AsyncTest]
    public Task Passes() => Scenarios.PassesAsync();

    [AsyncTest(Seed = "0x2A")]
    public Task Fails() => Scenarios.FailsAsync();

    [AsyncTest(Iterations = 200)]
    public Task Race() => Scenarios.LostUpdateAsync();

    [AsyncTest(Seed = Scenarios.LosingSeed)]
    public Task Race_replayed() => Scenarios.LostUpdateAsync();

    [AsyncTest]
    public Task Lifecycle_on_the_loop() => _lifecycle.CheckBodyAsync();

    [AsyncTheory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public Task Rows(int value) => Scenarios.RowAsync(value);

    [AsyncTest(Skip = "the contract's skipped test")]
    public Task Skipped() => Scenarios.FailsAsync();

    [AsyncTest]
    public Task Fails_after_one_hour() => Scenarios.FailsAfterOneHourAsync();

    [AsyncTest(Iterations = 0)]
    public Task Misuse_zero_iterations() => Scenarios.PassesAsync();

    [AsyncTest(Seed = "0xNOTHEX")]
    public Task Misuse_malformed_seed() => Scenarios.PassesAsync();

    [AsyncTest(Strategy = (ExplorationStrategy)7)]
    public Task Misuse_unknown_strategy() => Scenarios.PassesAsync();

    [AsyncTest]
    public async void Misuse_async_void() => await Scenarios.PassesAsync();

    [AsyncTest]
    public void Misuse_not_async()
    {
    }

    [AsyncTest]
    public Task Misuse_parameters_without_data(int value) => Scenarios.RowAsync(value);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        _lifecycle.TearDown();
        return ValueTask.CompletedTask;
    }
}
