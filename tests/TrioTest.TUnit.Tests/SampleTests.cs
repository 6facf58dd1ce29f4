namespace TrioTest.TUnit.Tests;

public sealed class SampleTests
{
    [Fact]
    public void TUnit_sample_passes_through_TUnits_own_pipeline()
    {
        IReadOnlyList<TrxResult> results = FixtureProcess.Run(FixtureProcess.PathOf("../samples/TrioTest.Samples.TUnit"), "--report-trx --results-directory {0} --no-ansi", []);

        results.Should().HaveCount(3).And.OnlyContain(r => r.Outcome == "Passed", string.Join("\n", results.Select(r => $"{r.Name}: {r.Outcome} {r.Message}")));
    }
}
