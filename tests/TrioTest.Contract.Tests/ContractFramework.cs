using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace TrioTest.Contract.Tests;

/// <summary>One framework the contract runs through: how its own runner runs the fixtures, and what its attributes are called in reports.</summary>
/// <param name="Name">The framework, as the tests name it.</param>
/// <param name="FixtureProject">The project of its ContractFixtures.</param>
/// <param name="AttributeNames">The attributes the reports' replay lines name: the test attribute first, such as <c>AsyncTest</c>, then the data-driven one, if another.</param>
/// <param name="Arguments">The <c>dotnet</c> arguments that run the fixture assembly (first argument) with a TRX report in the folder <c>{0}</c>, filtered to one method (second argument) or not.</param>
/// <param name="CannotReach">The contract's cases the framework never lets reach an adapter, each with the reason (a compiler error, for instance).</param>
public sealed partial record ContractFramework(
    string Name, string FixtureProject, string[] AttributeNames, Func<string, string?, string[]> Arguments, IReadOnlyDictionary<string, string> CannotReach)
{
    /// <summary>The base seed every framework's exploration starts from: mixed with the test's name, which is the same everywhere, it gives every framework the same schedules.</summary>
    public const string BaseSeed = "0x5EED";

    /// <summary>The fixtures' class, whose methods the filters name.</summary>
    private const string FixtureClass = "TrioTest.Contract.ContractFixtures";

    /// <summary>The results of one run of every fixture per framework, made on first use and shared by the tests.</summary>
    private static readonly ConcurrentDictionary<string, Lazy<IReadOnlyDictionary<string, TrxResult>>> s_runs = new(StringComparer.Ordinal);

    /// <summary>Gets every framework the contract covers.</summary>
    public static IReadOnlyList<ContractFramework> All { get; } =
    [
        new("xunit", "TrioTest.Contract.XunitFixtures", ["AsyncTest", "AsyncTheory"], VSTest, Reaches.All),
        new("NUnit", "TrioTest.Contract.NUnitFixtures", ["AsyncTest"], VSTest, Reaches.All),
        new("MSTest", "TrioTest.Contract.MSTestFixtures", ["AsyncTestMethod"], TestingPlatform, new Dictionary<string, string>
        {
            ["Misuse_async_void"] = "MSTest's own discovery rejects an async void test method (UTA007) and ends the whole run before any adapter is asked",
        }),
        new("xunit v3", "TrioTest.Contract.XunitV3Fixtures", ["AsyncTest", "AsyncTheory"], XunitV3Console, Reaches.All),
        new("xunit v3 on Testing Platform", "TrioTest.Contract.XunitV3Fixtures.Mtp", ["AsyncTest", "AsyncTheory"], XunitV3Platform, Reaches.All),
        new("TUnit", "TrioTest.Contract.TUnitFixtures", ["AsyncTest"], TUnitPlatform, new Dictionary<string, string>
        {
            ["Misuse_parameters_without_data"] = "TUnit's compiler refuses a test method whose parameters have no data source (TUnit0001), so the mistake never reaches run time",
        }),
    ];

    /// <summary>Gets the results of one run of every fixture with the contract's base seed, by case (a method, or a method and its row, such as <c>Rows(3)</c>).</summary>
    public IReadOnlyDictionary<string, TrxResult> Results =>
        s_runs.GetOrAdd(Name, _ => new(() => ByCase(Run(method: null, new Dictionary<string, string> { ["TRIOTEST_BASE_SEED"] = BaseSeed })))).Value;

    /// <summary>Runs the fixtures: one method (with every row), or every method.</summary>
    /// <param name="method">The method, or <see langword="null"/> for all.</param>
    /// <param name="environment">Environment variables for the run.</param>
    /// <returns>The results.</returns>
    public IReadOnlyList<TrxResult> Run(string? method, IReadOnlyDictionary<string, string> environment)
    {
        string dll = ContractProcess.PathOf(FixtureProject);

        // xunit v3's TRX writer escapes the quotes in messages; a user reads them unescaped.
        return [.. ContractProcess.Run(Arguments(dll, method), Path.GetDirectoryName(dll)!, environment)
            .Select(static r => r with { Message = r.Message.Replace("\\\"", "\"", StringComparison.Ordinal) })];
    }

    /// <summary>Gets the case a result belongs to: its method, and the row's values without parameter names.</summary>
    /// <param name="testName">The framework's name of the test, such as <c>TrioTest.Contract.ContractFixtures.Rows(value: 3)</c>, <c>Rows (3)</c> or <c>Rows(3)</c>.</param>
    /// <returns>The case, such as <c>Rows(3)</c>.</returns>
    public static string CaseOf(string testName)
    {
        Match match = CasePattern().Match(testName);
        string arguments = match.Groups["arguments"].Success ? $"({ParameterName().Replace(match.Groups["arguments"].Value, string.Empty)})" : string.Empty;
        return match.Groups["method"].Value + arguments;
    }

    /// <inheritdoc/>
    public override string ToString() => Name;

    /// <summary>A VSTest adapter's arguments: <c>dotnet test</c> on the assembly, with VSTest's TRX logger and filter.</summary>
    private static string[] VSTest(string dll, string? method) =>
        ["test", dll, "--logger", "trx;LogFileName=results.trx", "--results-directory", "{0}", .. Filter("--filter", $"FullyQualifiedName={FixtureClass}.{method}", method)];

    /// <summary>xunit v3's own console runner (mtp-off): its TRX option and its method filter.</summary>
    private static string[] XunitV3Console(string dll, string? method) =>
        [dll, "-parallelMode", "none", "-trx", "{0}/results.trx", .. Filter("-method", $"{FixtureClass}.{method}", method)];

    /// <summary>xunit v3 on Microsoft Testing Platform: xunit's TRX option and its method filter.</summary>
    private static string[] XunitV3Platform(string dll, string? method) =>
        [dll, "--report-xunit-trx", "--results-directory", "{0}", "--parallel", "none", .. Filter("--filter-method", $"{FixtureClass}.{method}", method)];

    /// <summary>TUnit's program (Microsoft Testing Platform): the TRX extension and TUnit's tree filter.</summary>
    private static string[] TUnitPlatform(string dll, string? method) =>
        [dll, "--report-trx", "--results-directory", "{0}", "--no-ansi", .. Filter("--treenode-filter", $"/*/*/ContractFixtures/{method}", method)];

    /// <summary>The filter arguments, when there is a method to filter to.</summary>
    /// <summary>A Microsoft Testing Platform program's own arguments (the MSTest runner): its TRX report, and a VSTest-style filter for one method.</summary>
    private static string[] TestingPlatform(string dll, string? method) =>
        [dll, "--report-trx", "--report-trx-filename", "results.trx", "--results-directory", "{0}", .. Filter("--filter", $"FullyQualifiedName={FixtureClass}.{method}", method)];

    private static string[] Filter(string option, string value, string? method) => method is null ? [] : [option, value];

    private static IReadOnlyDictionary<string, TrxResult> ByCase(IReadOnlyList<TrxResult> results) =>
        results.ToDictionary(result => CaseOf(result.Name), StringComparer.Ordinal);

    [GeneratedRegex(@"(?<method>\w+)\s*(\((?<arguments>[^()]*)\))?$")]
    private static partial Regex CasePattern();

    [GeneratedRegex(@"\b\w+: ")]
    private static partial Regex ParameterName();

    /// <summary>The cases a framework cannot reach.</summary>
    private static class Reaches
    {
        /// <summary>Every case reaches the adapter.</summary>
        public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>();
    }
}
