namespace TrioTest.TUnit.Tests;

/// <summary>The TUnit fixtures, run once through TUnit's own pipeline (its program, with a TRX report), and their results.</summary>
public static class TUnitPipeline
{
    /// <summary>The results of one run of every fixture, made on first use.</summary>
    private static readonly Lazy<IReadOnlyList<TrxResult>> s_all = new(() => Run(null));

    /// <summary>Runs the fixtures (those TUnit's tree-node <paramref name="filter"/> selects, when given) with extra environment variables.</summary>
    public static IReadOnlyList<TrxResult> Run(string? filter, IReadOnlyDictionary<string, string>? environment = null) =>
        FixtureProcess.Run(
            FixtureProcess.PathOf("TrioTest.TUnit.Tests.Fixtures"),
            "--report-trx --results-directory {0} --no-ansi",
            filter is null ? [] : ["--treenode-filter", filter],
            environment);

    /// <summary>Gets the one result named <paramref name="name"/> (a data row's name includes its arguments).</summary>
    public static TrxResult One(string name) => s_all.Value.Should().ContainSingle(r => r.Name == name, $"the fixtures report one test named {name}").Subject;
}
