using System.Text.RegularExpressions;

namespace TrioTest.TUnit.Tests;

public sealed partial class AsyncTestTests
{
    [Fact]
    public void Passing_test_sleeps_an_hour_of_virtual_time_and_passes()
    {
        TrxResult result = TUnitPipeline.One("Passes_after_an_hour_of_virtual_sleep");

        result.Outcome.Should().Be("Passed", result.Message);
    }

    [Fact]
    public void Failing_test_reports_the_TrioTest_report_with_its_seed_and_the_trace_in_its_output()
    {
        TrxResult result = TUnitPipeline.One("Fails");

        result.Outcome.Should().Be("Failed");
        result.Message.Should().Contain("TrioTest: InvalidOperationException: the fixture fails on purpose")
            .And.MatchRegex(@"\n  seed 0x[0-9A-F]{16} \(schedule 1 of 1, Random\)")
            .And.Contain("replay: [AsyncTest(Seed = \"0x")
            .And.Contain("checkpoint \"before the failure\"   BasicFixtures.cs:");
        result.Output.Should().Contain("TrioTest trace of seed 0x");
    }

    [Fact]
    public void One_hour_FailAfter_around_a_hang_fails_at_virtual_one_hour()
    {
        TrxResult result = TUnitPipeline.One("Hangs_inside_a_one_hour_FailAfter");

        result.Outcome.Should().Be("Failed");
        result.Message.Should().Contain("TrioTest: TooSlowException:").And.Contain("virtual time 01:00:00.000");
    }

    [Fact]
    public void Skip_skips_without_running_and_ValueTask_tests_run()
    {
        TUnitPipeline.One("Skipped").Outcome.Should().Be("NotExecuted");
        TUnitPipeline.One("Returns_a_ValueTask").Outcome.Should().Be("Passed");
    }

    [Fact]
    public void Race_found_by_500_iterations_replays_from_TRIOTEST_SEED_with_the_same_trace()
    {
        TrxResult explored = TUnitPipeline.One("Racy_explored");
        explored.Outcome.Should().Be("Failed");
        string seed = SeedPattern().Match(explored.Message).Groups[1].Value;
        seed.Should().NotBeEmpty(explored.Message);

        TrxResult replayed = TUnitPipeline.Run("/*/*/RaceFixtures/Racy_explored", new Dictionary<string, string> { ["TRIOTEST_SEED"] = seed })
            .Should().ContainSingle().Subject;

        replayed.Outcome.Should().Be("Failed");
        replayed.Message.Should().Contain($"seed {seed} (from TRIOTEST_SEED, Random)");
        Hash(replayed.Message).Should().Be(Hash(explored.Message));
    }

    [Fact]
    public void Race_replays_from_the_seed_pasted_into_the_attribute()
    {
        TrxResult pasted = TUnitPipeline.One("Racy_replayed_from_the_pasted_seed");

        pasted.Outcome.Should().Be("Failed");
        pasted.Message.Should().Contain("seed 0xD4692252F1207A0B (the test's Seed, Random)").And.Contain("an update was lost");
        Hash(pasted.Message).Should().NotBeEmpty();
    }

    [Theory]
    [InlineData("Zero_iterations", "[AsyncTest(Iterations = 0)] must be at least 1")]
    [InlineData("Malformed_seed", "[AsyncTest(Seed = \"0xNOTHEX\")] is not a seed")]
    [InlineData("Negative_threshold", "[AsyncTest(AutojumpThreshold = -5)] must be zero or a positive number of milliseconds")]
    [InlineData("Not_async", "[AsyncTest] method MisuseFixtures.Not_async returns Void, but TrioTest runs async code")]
    [InlineData("Row_with_bad_iterations(1)", "[AsyncTest(Iterations = -1)] must be at least 1")]
    public void Misuse_fails_the_test_with_a_sentence_that_names_the_value_and_what_is_allowed(string name, string message)
    {
        TrxResult result = TUnitPipeline.One(name);

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
