using TrioTest.TUnit;

namespace TrioTest.TUnit.Tests.Fixtures;

public sealed class RaceFixtures
{
    /// <summary>A seed under which <see cref="LostUpdateAsync"/> loses an update: pasted from a report, as a user would.</summary>
    public const string FailingSeed = "0xD4692252F1207A0B";

    /// <summary>A lost update that only some schedules show (the contract suite's race).</summary>
    public static Task LostUpdateAsync() => TrioTest.Contract.Scenarios.LostUpdateAsync();

    [Test, AsyncTest(Iterations = 500)]
    public Task Racy_explored() => LostUpdateAsync();

    [Test, AsyncTest(Seed = FailingSeed)]
    public Task Racy_replayed_from_the_pasted_seed() => LostUpdateAsync();
}
