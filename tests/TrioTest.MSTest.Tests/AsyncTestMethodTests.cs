using System.Text.RegularExpressions;

namespace TrioTest.MSTest.Tests;

[TestClass]
public sealed partial class AsyncTestMethodTests
{
    [TestMethod]
    public void Passing_test_sleeps_an_hour_of_virtual_time_and_passes()
    {
        TrxResult result = MSTestPipeline.One("Passes_after_an_hour_of_virtual_sleep");

        result.Outcome.Should().Be("Passed", result.Message);
    }

    [TestMethod]
    public void Failing_test_reports_the_TrioTest_report_with_its_seed()
    {
        TrxResult result = MSTestPipeline.One("Fails");

        result.Outcome.Should().Be("Failed");
        result.Message.Should().StartWith("TrioTest: InvalidOperationException: the fixture fails on purpose")
            .And.MatchRegex(@"\n  seed 0x[0-9A-F]{16} \(schedule 1 of 1, Random\)")
            .And.Contain("replay: [AsyncTestMethod(Seed = \"0x")
            .And.Contain("checkpoint \"before the failure\"   BasicFixtures.cs:");
        result.Output.Should().Contain("TrioTest trace of seed 0x");
    }

    [TestMethod]
    public void Failing_assertion_is_reported_inside_the_TrioTest_report()
    {
        TrxResult result = MSTestPipeline.One("Fails_an_assertion");

        result.Outcome.Should().Be("Failed");
        result.Message.Should().StartWith("TrioTest: AssertFailedException:").And.Contain("one plus two");
    }

    [TestMethod]
    public void One_hour_FailAfter_around_a_hang_fails_at_virtual_one_hour()
    {
        TrxResult result = MSTestPipeline.One("Hangs_inside_a_one_hour_FailAfter");

        result.Outcome.Should().Be("Failed");
        result.Message.Should().StartWith("TrioTest: TooSlowException:").And.Contain("virtual time 01:00:00.000");
    }

    [TestMethod]
    public void Ignore_skips_the_test_without_running_it()
    {
        TrxResult result = MSTestPipeline.One("Skipped");

        result.Outcome.Should().Be("NotExecuted");
    }

    [TestMethod]
    public void ValueTask_and_CancellationToken_methods_run()
    {
        MSTestPipeline.One("Returns_a_ValueTask").Outcome.Should().Be("Passed");
        MSTestPipeline.One("Takes_the_loops_CancellationToken").Outcome.Should().Be("Passed", MSTestPipeline.One("Takes_the_loops_CancellationToken").Message);
    }

    [TestMethod]
    public void Race_found_by_500_iterations_replays_from_TRIOTEST_SEED_with_the_same_trace()
    {
        TrxResult explored = MSTestPipeline.One("Racy_explored");
        explored.Outcome.Should().Be("Failed");
        string seed = SeedPattern().Match(explored.Message).Groups[1].Value;
        seed.Should().NotBeEmpty(explored.Message);

        TrxResult replayed = MSTestPipeline.Run(["Name=Racy_explored"], new Dictionary<string, string> { ["TRIOTEST_SEED"] = seed })
            .Should().ContainSingle().Subject;

        replayed.Outcome.Should().Be("Failed");
        replayed.Message.Should().Contain($"seed {seed} (from TRIOTEST_SEED, Random)");
        Hash(replayed.Message).Should().Be(Hash(explored.Message));
    }

    [TestMethod]
    public void Race_replays_from_the_seed_pasted_into_the_attribute_with_the_trace_the_harness_gives()
    {
        TrxResult pasted = MSTestPipeline.One("Racy_replayed_from_the_pasted_seed");

        TrioTestResult direct = TrioTestRunner.Run(
            TrioTest.MSTest.Tests.Fixtures.RaceFixtures.LostUpdateAsync,
            new TrioTestOptions { Seed = Seed.Parse(TrioTest.MSTest.Tests.Fixtures.RaceFixtures.FailingSeed), GetEnvironmentVariable = _ => null });

        pasted.Outcome.Should().Be("Failed");
        pasted.Message.Should().Contain($"seed {TrioTest.MSTest.Tests.Fixtures.RaceFixtures.FailingSeed} (the test's Seed, Random)");
        direct.Passed.Should().BeFalse();
        Hash(pasted.Message).Should().Be(direct.Trace.Hash[..16], "the adapter adds no event of its own");
    }

    [TestMethod]
    [DataRow("Zero_iterations", "[AsyncTestMethod(Iterations = 0)] must be at least 1")]
    [DataRow("Malformed_seed", "[AsyncTestMethod(Seed = \"0xNOTHEX\")] is not a seed")]
    [DataRow("Negative_threshold", "[AsyncTestMethod(AutojumpThreshold = -5)] must be zero or a positive number of milliseconds")]
    [DataRow("Not_async", "[AsyncTestMethod] method MisuseFixtures.Not_async returns Void, but TrioTest runs async code")]
    [DataRow("With_MSTest_Timeout", "[AsyncTestMethod] cannot be combined with [Timeout] on MisuseFixtures.With_MSTest_Timeout")]
    [DataRow("Row_with_bad_iterations (1)", "[AsyncTestMethod(Iterations = -1)] must be at least 1")]
    [DataRow("Initialize_has_a_Timeout", "cannot run while TimeoutOnInitializeFixtures.Initialize has [Timeout]")]
    public void Misuse_fails_the_test_with_a_sentence_that_names_the_value_and_what_is_allowed(string name, string message)
    {
        TrxResult result = MSTestPipeline.One(name);

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
