using System.Text.RegularExpressions;

namespace TrioTest.Xunit.v3.Tests;

public sealed partial class AsyncTestTests
{
    private const string Fixtures = "TrioTest.Xunit.v3.Tests.Fixtures";

    [Theory]
    [MemberData(nameof(XunitV3Pipeline.Modes), MemberType = typeof(XunitV3Pipeline))]
    public void Passing_test_sleeps_an_hour_of_virtual_time_and_passes(string mode)
    {
        TrxResult result = XunitV3Pipeline.One(mode, "BasicFixtures.Passes_after_an_hour_of_virtual_sleep");

        result.Outcome.Should().Be("Passed", result.Message);
    }

    [Theory]
    [MemberData(nameof(XunitV3Pipeline.Modes), MemberType = typeof(XunitV3Pipeline))]
    public void Failing_test_reports_the_TrioTest_report_with_its_seed_and_the_trace_in_its_output(string mode)
    {
        TrxResult result = XunitV3Pipeline.One(mode, "BasicFixtures.Fails");

        result.Outcome.Should().Be("Failed");
        result.Message.Should().Contain("TrioTest: InvalidOperationException: the fixture fails on purpose")
            .And.MatchRegex(@"\n  seed 0x[0-9A-F]{16} \(schedule 1 of 1, Random\)")
            .And.Contain("replay: [AsyncTest(Seed = \"0x")
            .And.Contain("checkpoint \"before the failure\"   BasicFixtures.cs:");
        result.Output.Should().Contain("TrioTest trace of seed 0x");
    }

    [Theory]
    [MemberData(nameof(XunitV3Pipeline.Modes), MemberType = typeof(XunitV3Pipeline))]
    public void One_hour_FailAfter_around_a_hang_fails_at_virtual_one_hour(string mode)
    {
        TrxResult result = XunitV3Pipeline.One(mode, "BasicFixtures.Hangs_inside_a_one_hour_FailAfter");

        result.Outcome.Should().Be("Failed");
        result.Message.Should().Contain("TrioTest: TooSlowException:").And.Contain("virtual time 01:00:00.000");
    }

    [Theory]
    [MemberData(nameof(XunitV3Pipeline.Modes), MemberType = typeof(XunitV3Pipeline))]
    public void Skip_skips_without_running_and_ValueTask_and_xunit_Timeout_tests_run_on_the_loop(string mode)
    {
        XunitV3Pipeline.One(mode, "BasicFixtures.Skipped").Outcome.Should().Be("NotExecuted");
        XunitV3Pipeline.One(mode, "BasicFixtures.Returns_a_ValueTask").Outcome.Should().Be("Passed");
        TrxResult timeout = XunitV3Pipeline.One(mode, "BasicFixtures.Has_an_xunit_Timeout_kept_on_the_loop");
        timeout.Outcome.Should().Be("Passed", timeout.Message);
    }

    [Theory]
    [MemberData(nameof(XunitV3Pipeline.Modes), MemberType = typeof(XunitV3Pipeline))]
    public void Race_found_by_500_iterations_replays_from_TRIOTEST_SEED_with_the_same_trace(string mode)
    {
        TrxResult explored = XunitV3Pipeline.One(mode, "RaceFixtures.Racy_explored");
        explored.Outcome.Should().Be("Failed");
        string seed = SeedPattern().Match(explored.Message).Groups[1].Value;
        seed.Should().NotBeEmpty(explored.Message);

        TrxResult replayed = XunitV3Pipeline.Run(mode, $"{Fixtures}.RaceFixtures.Racy_explored", new Dictionary<string, string> { ["TRIOTEST_SEED"] = seed })
            .Should().ContainSingle().Subject;

        replayed.Outcome.Should().Be("Failed");
        replayed.Message.Should().Contain($"seed {seed} (from TRIOTEST_SEED, Random)");
        Hash(replayed.Message).Should().Be(Hash(explored.Message));
    }

    [Theory]
    [MemberData(nameof(XunitV3Pipeline.Modes), MemberType = typeof(XunitV3Pipeline))]
    public void Race_replays_from_the_seed_pasted_into_the_attribute_with_the_same_trace_in_both_modes(string mode)
    {
        TrxResult pasted = XunitV3Pipeline.One(mode, "RaceFixtures.Racy_replayed_from_the_pasted_seed");

        pasted.Outcome.Should().Be("Failed");
        pasted.Message.Should().Contain("seed 0xD4692252F1207A0B (the test's Seed, Random)");
        Hash(pasted.Message).Should().Be(Hash(XunitV3Pipeline.One("mtp-off", "RaceFixtures.Racy_replayed_from_the_pasted_seed").Message)).And.NotBeEmpty();
    }

    [Theory]
    [InlineData("mtp-off", "Zero_iterations", "[AsyncTest(Iterations = 0)] must be at least 1")]
    [InlineData("mtp", "Zero_iterations", "[AsyncTest(Iterations = 0)] must be at least 1")]
    [InlineData("mtp-off", "Malformed_seed", "[AsyncTest(Seed = \"0xNOTHEX\")] is not a seed")]
    [InlineData("mtp-off", "Negative_threshold", "[AsyncTest(AutojumpThreshold = -5)] must be zero or a positive number of milliseconds")]
    [InlineData("mtp-off", "Async_void", "[AsyncTest] method MisuseFixtures.Async_void is 'async void'")]
    [InlineData("mtp-off", "Not_async", "[AsyncTest] method MisuseFixtures.Not_async returns Void, but TrioTest runs async code")]
    [InlineData("mtp-off", "Theory_with_bad_iterations", "[AsyncTheory(Iterations = -1)] must be at least 1")]
    [InlineData("mtp", "Theory_with_bad_iterations", "[AsyncTheory(Iterations = -1)] must be at least 1")]
    [InlineData("mtp-off", "Parameters_without_data", "[AsyncTest] method MisuseFixtures.Parameters_without_data has parameters")]
    public void Misuse_fails_the_test_with_a_sentence_that_names_the_value_and_what_is_allowed(string mode, string method, string message)
    {
        TrxResult result = XunitV3Pipeline.One(mode, $"MisuseFixtures.{method}");

        result.Outcome.Should().Be("Failed");
        result.Message.Should().Contain(message);
    }

    /// <summary>The trace hash a report prints.</summary>
    private static string Hash(string report) => TraceHashPattern().Match(report).Groups[1].Value;

    [GeneratedRegex("seed (0x[0-9A-F]{16})")]
    private static partial Regex SeedPattern();

    [GeneratedRegex("trace: ([0-9a-f]{16})")]
    private static partial Regex TraceHashPattern();
}
