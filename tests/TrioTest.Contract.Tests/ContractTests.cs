using System.Text.RegularExpressions;
using FluentAssertions;

namespace TrioTest.Contract.Tests;

/// <summary>
/// The adapter contract: every framework runs the same fixtures through its own pipeline and must report the same
/// outcome for each case, the same report for each failure (but for the attribute its replay line names), and the same
/// trace hash for the same seed, found by exploration or replayed from <c>TRIOTEST_SEED</c>.
/// </summary>
public sealed partial class ContractTests
{
    /// <summary>Every case of the contract, with its outcome and what its message must say ({attribute}: the framework's attribute).</summary>
    public static readonly IReadOnlyList<(string Case, string Outcome, string[] Says)> Cases =
    [
        ("Passes", "Passed", []),
        ("Fails", "Failed", ["InvalidOperationException: the contract's deliberate failure", "seed 0x000000000000002A (the test's Seed", "replay: [{attribute}(Seed = \"0x000000000000002A\")]"]),
        ("Race", "Failed", ["ContractViolationException: an update was lost: the balance is 10, not 20"]),
        ("Race_replayed", "Failed", [$"seed {Scenarios.LosingSeed} (the test's Seed", "an update was lost"]),
        ("Lifecycle_on_the_loop", "Passed", []),
        ("Rows(1)", "Passed", []),
        ("Rows(2)", "Passed", []),
        ("Rows(3)", "Failed", ["ContractViolationException: row 3 fails on purpose"]),
        ("Skipped", "NotExecuted", []),
        ("Fails_after_one_hour", "Failed", ["TooSlowException", "virtual time 01:00:00.000"]),
        ("Misuse_zero_iterations", "Failed", ["[{attribute}(Iterations = 0)] must be at least 1: it is the number of schedules to explore"]),
        ("Misuse_malformed_seed", "Failed", ["[{attribute}(Seed = \"0xNOTHEX\")] is not a seed. Paste the seed a TrioTest failure report prints"]),
        ("Misuse_unknown_strategy", "Failed", ["[{attribute}(Strategy = 7)] is not a strategy: use ExplorationStrategy.Random, ExplorationStrategy.Pct or ExplorationStrategy.Fifo."]),
        ("Misuse_async_void", "Failed", ["[{attribute}] method ContractFixtures.Misuse_async_void is 'async void': its failures would escape the test. Declare it 'async Task'."]),
        ("Misuse_not_async", "Failed", ["[{attribute}] method ContractFixtures.Misuse_not_async returns Void, but TrioTest runs async code: declare it 'async Task'"]),
        ("Misuse_parameters_without_data", "Failed", ["[{attribute}] method ContractFixtures.Misuse_parameters_without_data has parameters, but [{attribute}] passes no arguments: use "]),
    ];

    /// <summary>The failures whose report must read the same in every framework.</summary>
    public static TheoryData<string> SameReportCases => ["Fails", "Race", "Race_replayed", "Rows(3)", "Fails_after_one_hour"];

    public static TheoryData<string> Frameworks => [.. ContractFramework.All.Select(f => f.Name)];

    public static TheoryData<string, string> FrameworksAndCases
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (ContractFramework framework in ContractFramework.All)
            {
                foreach ((string @case, _, _) in Cases)
                {
                    data.Add(framework.Name, @case);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(FrameworksAndCases))]
    public void Each_case_has_its_outcome_and_message(string framework, string @case)
    {
        ContractFramework runner = Framework(framework);
        (_, string outcome, string[] says) = Cases.Single(c => c.Case == @case);
        if (runner.CannotReach.TryGetValue(@case, out string? reason))
        {
            runner.Results.Should().NotContainKey(@case, "{0} cannot reach it: {1}", framework, reason);
            return;
        }

        TrxResult result = runner.Results.Should().ContainKey(@case, "{0} must run every case of the contract (ran: {1})", framework, string.Join(", ", runner.Results.Keys)).WhoseValue;

        result.Outcome.Should().Be(outcome, "{0}'s {1} said: {2}", framework, @case, result.Message);
        foreach (string text in says)
        {
            result.Message.Should().Contain(text.Replace("{attribute}", runner.AttributeNames[0], StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Frameworks))]
    public void Each_framework_runs_exactly_the_contracts_cases(string framework)
    {
        ContractFramework runner = Framework(framework);

        runner.Results.Keys.Should().BeEquivalentTo(Cases.Select(c => c.Case).Except(runner.CannotReach.Keys), "no case may vanish, and none may be added under another name");
    }

    [Theory]
    [MemberData(nameof(SameReportCases))]
    public void A_failure_reads_the_same_in_every_framework(string @case)
    {
        var reports = ContractFramework.All.Select(f => (f.Name, Report: Report(f, @case))).ToList();

        reports[0].Report.Should().StartWith("TrioTest: ").And.Contain("  trace: ");
        foreach ((string name, string report) in reports.Skip(1))
        {
            report.Should().Be(reports[0].Report, "{0} and {1} ran the same body with the same seed", name, reports[0].Name);
        }
    }

    [Theory]
    [MemberData(nameof(Frameworks))]
    public void The_race_an_exploration_finds_replays_from_TRIOTEST_SEED(string framework)
    {
        ContractFramework runner = Framework(framework);
        string explored = Report(runner, "Race");
        string seed = SeedPattern().Match(explored).Groups[1].Value;

        TrxResult replayed = runner.Run("Race", new Dictionary<string, string> { ["TRIOTEST_SEED"] = seed }).Should().ContainSingle().Subject;

        replayed.Outcome.Should().Be("Failed");
        replayed.Message.Should().Contain($"seed {seed} (from TRIOTEST_SEED");
        TraceLine(replayed.Message).Should().Be(TraceLine(explored), "one seed is one schedule, one trace");
    }

    [Fact]
    public void The_pasted_losing_seed_is_one_schedule_in_every_framework()
    {
        ContractFramework.All.Select(f => TraceLine(Report(f, "Race_replayed"))).Distinct().Should().ContainSingle();
    }

    private static ContractFramework Framework(string name) => ContractFramework.All.Single(f => f.Name == name);

    /// <summary>The TrioTest report in a failure's message (frameworks put their own prefix before it), with the replay line's attribute made neutral.</summary>
    private static string Report(ContractFramework framework, string @case)
    {
        string message = framework.Results[@case].Message.ReplaceLineEndings("\n");
        int start = message.IndexOf("TrioTest: ", StringComparison.Ordinal);
        start.Should().BeGreaterThanOrEqualTo(0, "{0}'s {1} must carry TrioTest's report: {2}", framework.Name, @case, message);
        string report = message[start..];

        // xunit appends the inner exception's own message after "----", TUnit after "--->"; the timeline's folder is the run's own.
        foreach (string innerMark in new[] { "\n---- ", "\n ---> " })
        {
            int inner = report.IndexOf(innerMark, StringComparison.Ordinal);
            report = inner < 0 ? report : report[..inner];
        }

        report = TimelineFolder().Replace(report, "timeline: <folder>/");
        return framework.AttributeNames.Aggregate(report, (text, attribute) => text.Replace($"[{attribute}(", "[<attribute>(", StringComparison.Ordinal)).TrimEnd();
    }

    private static string TraceLine(string report) => report.Split('\n').Single(line => line.TrimStart().StartsWith("trace: ", StringComparison.Ordinal));

    [GeneratedRegex(@"timeline: .*[/\\]")]
    private static partial Regex TimelineFolder();

    [GeneratedRegex("seed (0x[0-9A-F]{16})")]
    private static partial Regex SeedPattern();
}
