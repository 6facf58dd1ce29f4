namespace TrioTest.MSTest.Tests;

/// <summary>The MSTest fixtures, run once through the MSTest runner (discovery and execution as a user's run does them), and their results.</summary>
public static class MSTestPipeline
{
    /// <summary>The results of one run of every fixture, made on first use.</summary>
    private static readonly Lazy<IReadOnlyList<TrxResult>> s_all = new(() => Run([]));

    /// <summary>Gets the results of every fixture.</summary>
    public static IReadOnlyList<TrxResult> All => s_all.Value;

    /// <summary>Runs the fixtures the MSTest <paramref name="filter"/> selects (every one when empty) with extra environment variables.</summary>
    public static IReadOnlyList<TrxResult> Run(string[] filter, IReadOnlyDictionary<string, string>? environment = null) =>
        FixtureProcess.Run(
            FixtureProcess.PathOf("TrioTest.MSTest.Tests.Fixtures"),
            "--report-trx --report-trx-filename results.trx --results-directory {0}",
            filter.Length == 0 ? [] : ["--filter", string.Join('|', filter)],
            environment);

    /// <summary>Gets the one result named <paramref name="name"/> (a data row's name includes its arguments).</summary>
    public static TrxResult One(string name) => All.Should().ContainSingle(r => r.Name == name, $"the fixtures report one test named {name}").Subject;
}
