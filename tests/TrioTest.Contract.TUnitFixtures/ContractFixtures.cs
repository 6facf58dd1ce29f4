using TrioTest.Testing;
using TrioTest.TUnit;
using TUnit.Core;

// These fixtures fail on purpose: their seeds must not land in a regression file in the repository.
[assembly: AsyncTestDefaults(RecordRegressions = false)]

namespace TrioTest.Contract;

/// <summary>The adapter contract through TUnit; every framework's ContractFixtures has these methods, with these names.</summary>
public sealed class ContractFixtures
{
    private readonly Lifecycle _lifecycle = new();

    [Before(Test)]
    public void SetUp() => _lifecycle.SetUp();

    [After(Test)]
    public void TearDown() => _lifecycle.TearDown();

    [Test, AsyncTest]
    public Task Passes() => Scenarios.PassesAsync();

    [Test, AsyncTest(Seed = "0x2A")]
    public Task Fails() => Scenarios.FailsAsync();

    [Test, AsyncTest(Iterations = 200)]
    public Task Race() => Scenarios.LostUpdateAsync();

    [Test, AsyncTest(Seed = Scenarios.LosingSeed)]
    public Task Race_replayed() => Scenarios.LostUpdateAsync();

    [Test, AsyncTest]
    public Task Lifecycle_on_the_loop() => _lifecycle.CheckBodyAsync();

    [Test, AsyncTest]
    [Arguments(1)]
    [Arguments(2)]
    [Arguments(3)]
    public Task Rows(int value) => Scenarios.RowAsync(value);

    [Test, AsyncTest, Skip("the contract's skipped test")]
    public Task Skipped() => Scenarios.FailsAsync();

    [Test, AsyncTest]
    public Task Fails_after_one_hour() => Scenarios.FailsAfterOneHourAsync();

    [Test, AsyncTest(Iterations = 0)]
    public Task Misuse_zero_iterations() => Scenarios.PassesAsync();

    [Test, AsyncTest(Seed = "0xNOTHEX")]
    public Task Misuse_malformed_seed() => Scenarios.PassesAsync();

    [Test, AsyncTest(Strategy = (ExplorationStrategy)7)]
    public Task Misuse_unknown_strategy() => Scenarios.PassesAsync();

    [Test, AsyncTest]
    public async void Misuse_async_void() => await Scenarios.PassesAsync();

    [Test, AsyncTest]
    public void Misuse_not_async()
    {
    }
}
