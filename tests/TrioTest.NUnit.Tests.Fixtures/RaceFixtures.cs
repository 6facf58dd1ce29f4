namespace TrioTest.NUnit.Tests.Fixtures;

public sealed class RaceFixtures
{
    /// <summary>A lost update that only some schedules show (the contract suite's race).</summary>
    public static Task LostUpdateAsync() => TrioTest.Contract.Scenarios.LostUpdateAsync();

    [AsyncTest(Iterations = 500)]
    public Task Racy_explored() => LostUpdateAsync();
}
