using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace TrioTest.Contract.Tests;

/// <summary>One framework the contract runs through: how to run its fixtures, and what its attribute is called in reports.</summary>
/// <param name="Name">The framework, as tests name it.</param>
/// <param name="FixtureProject">The project of its ContractFixtures.</param>
/// <param name="AttributeNames">The attributes the reports' replay lines name: the test attribute first, such as <c>AsyncTest</c>, then the data-driven one, if another.</param>
/// <param name="UsesTestPlatform">Whether the fixtures run under <c>dotnet test</c> (VSTest); otherwise the assembly is a Microsoft Testing Platform program.</param>
public sealed partial record ContractFramework(string Name, string FixtureProject, string[] AttributeNames, bool UsesTestPlatform)
{
    /// <summary>The base seed every framework's exploration starts from: mixed with the test's name, which is the same everywhere, it gives every framework the same schedules.</summary>
    public const string BaseSeed = "0x5EED";

    /// <summary>The results of one run of every fixture per framework, made on first use and shared by the tests.</summary>
    private static readonly ConcurrentDictionary<string, Lazy<IReadOnlyDictionary<string, TrxResult>>> s_runs = new(StringComparer.Ordinal);

    /// <summary>Gets every framework the contract covers.</summary>
    public static IReadOnlyList<ContractFramework> All { get; } =
    [
        new("xunit", "TrioTest.Contract.XunitFixtures", ["AsyncTest", "AsyncTheory"], UsesTestPlatform: true),
        new("NUnit", "TrioTest.Contract.NUnitFixtures", ["AsyncTest"], UsesTestPlatform: true),
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
        string filter = $"FullyQualifiedName=TrioTest.Contract.ContractFixtures.{method}";
        IEnumerable<string> arguments = UsesTestPlatform
            ? ["test", dll, "--logger", "trx;LogFileName=results.trx", "--results-directory", "{0}", .. method is null ? Array.Empty<string>() : ["--filter", filter]]
            : [dll, "--report-trx", "--report-trx-filename", "results.trx", "--results-directory", "{0}", .. method is null ? Array.Empty<string>() : ["--filter", filter]];
        return ContractProcess.Run(arguments, Path.GetDirectoryName(dll)!, environment);
    }

    /// <summary>Gets the case a result belongs to: its method, and the row's values without parameter names.</summary>
    /// <param name="testName">The framework's name of the test, such as <c>TrioTest.Contract.ContractFixtures.Rows(value: 3)</c> or <c>Rows(3)</c>.</param>
    /// <returns>The case, such as <c>Rows(3)</c>.</returns>
    public static string CaseOf(string testName)
    {
        Match match = CasePattern().Match(testName);
        string arguments = match.Groups["arguments"].Success ? $"({ParameterName().Replace(match.Groups["arguments"].Value, string.Empty)})" : string.Empty;
        return match.Groups["method"].Value + arguments;
    }

    /// <inheritdoc/>
    public override string ToString() => Name;

    private static IReadOnlyDictionary<string, TrxResult> ByCase(IReadOnlyList<TrxResult> results) =>
        results.ToDictionary(result => CaseOf(result.Name), StringComparer.Ordinal);

    [GeneratedRegex(@"(?<method>\w+)(\((?<arguments>[^()]*)\))?$")]
    private static partial Regex CasePattern();

    [GeneratedRegex(@"\b\w+: ")]
    private static partial Regex ParameterName();
}
