using System.Collections.Concurrent;

namespace TrioTest.Xunit.v3.Tests;

/// <summary>
/// The xunit v3 fixtures, run through xunit v3's own pipeline in one of its two modes: <c>mtp-off</c> (xunit's console
/// runner in the test program) or <c>mtp</c> (Microsoft Testing Platform). Each mode runs once, on first use.
/// </summary>
public static class XunitV3Pipeline
{
    /// <summary>The modes, for theories that check both.</summary>
    public static TheoryData<string> Modes => ["mtp-off", "mtp"];

    /// <summary>The results of one run of every fixture, per mode.</summary>
    private static readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<TrxResult>>> s_all = new();

    /// <summary>Runs the fixtures in <paramref name="mode"/>, optionally only the fully qualified <paramref name="method"/>, with extra environment variables.</summary>
    public static IReadOnlyList<TrxResult> Run(string mode, string? method = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        IReadOnlyList<TrxResult> results = mode == "mtp"
            ? FixtureProcess.Run(
                FixtureProcess.PathOf("TrioTest.Xunit.v3.Tests.Fixtures.Mtp"), "--report-xunit-trx --results-directory {0} --parallel none",
                method is null ? [] : ["--filter-method", method], environment)
            : FixtureProcess.Run(
                FixtureProcess.PathOf("TrioTest.Xunit.v3.Tests.Fixtures"), "-parallelMode none -trx {0}/results.trx",
                method is null ? [] : ["-method", method], environment);

        // xunit's TRX writer escapes the quotes in messages; a user reads them unescaped.
        return [.. results.Select(static r => r with { Message = r.Message.Replace("\\\"", "\"", StringComparison.Ordinal), Output = r.Output.Replace("\\\"", "\"", StringComparison.Ordinal) })];
    }

    /// <summary>Gets the one result of <paramref name="mode"/>'s run whose name ends with <paramref name="name"/> (Class.Method, with a data row's arguments).</summary>
    public static TrxResult One(string mode, string name) =>
        s_all.GetOrAdd(mode, static m => new Lazy<IReadOnlyList<TrxResult>>(() => Run(m))).Value
            .Should().ContainSingle(r => r.Name.EndsWith("." + name, StringComparison.Ordinal), $"the {mode} run reports one test named {name}").Subject;
}
