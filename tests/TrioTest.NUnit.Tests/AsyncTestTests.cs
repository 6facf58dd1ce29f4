using System.Reflection;
using System.Text.RegularExpressions;
using NUnit.Framework.Api;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using TrioTest.NUnit.Tests.Fixtures;

namespace TrioTest.NUnit.Tests;

public sealed partial class AsyncTestTests
{
    [SetUp]
    public void ClearObservations() => Observations.Clear();

    [Test]
    public void Passing_test_runs_set_up_body_and_tear_down_on_one_loop()
    {
        CaseResult result = NUnitPipeline.RunOne(typeof(BasicFixtures), nameof(BasicFixtures.Passes));

        result.Outcome.Should().Be("Passed", result.Message);
        string[] body = Observations.Get("body");
        body.Should().ContainSingle().Which.Should().StartWith("loop ");
        Observations.Get("setup").Should().Equal(body);
        Observations.Get("setup-async").Should().Equal(body);
        Observations.Get("teardown-async").Should().Equal(body);
        Observations.Get("teardown").Should().Equal(body);
    }

    [Test]
    public void Failing_test_reports_the_design_shape_as_its_message()
    {
        CaseResult result = NUnitPipeline.RunOne(typeof(BasicFixtures), nameof(BasicFixtures.Fails));

        result.Outcome.Should().Be("Failed:Error");
        result.Message.Should().StartWith("TrioTest: InvalidOperationException: the fixture fails on purpose\n  seed 0x")
            .And.Contain("replay: [AsyncTest(Seed = \"0x")
            .And.Contain("checkpoint \"before the failure\"   BasicFixtures.cs:");
        result.Output.Should().Contain("TrioTest trace of seed 0x").And.Contain("before the failure");
    }

    [Test]
    public void Failing_assertion_is_a_failure_with_the_report_and_NUnit_s_stack()
    {
        CaseResult result = NUnitPipeline.Run(typeof(BasicFixtures), nameof(BasicFixtures.Fails_an_assertion)).Single();

        result.Outcome.Should().Be("Failed");
        result.Message.Should().StartWith("TrioTest: AssertionException:").And.Contain("Assert.That(1 + 1, Is.EqualTo(3))")
            .And.Contain("Expected: 3").And.Contain("But was:  2");
        result.StackTrace.Should().Contain(nameof(BasicFixtures.Fails_an_assertion));
    }

    [Test]
    public void One_hour_FailAfter_around_a_hang_fails_in_virtual_time()
    {
        CaseResult result = NUnitPipeline.RunOne(typeof(BasicFixtures), nameof(BasicFixtures.Hangs_inside_a_one_hour_FailAfter));

        result.Outcome.Should().Be("Failed:Error");
        result.Message.Should().StartWith("TrioTest: TooSlowException:").And.Contain("virtual time 01:00:00.000");
    }

    [Test]
    public void TestContext_Out_and_the_seed_property_reach_the_result()
    {
        CaseResult result = NUnitPipeline.RunOne(typeof(BasicFixtures), nameof(BasicFixtures.Writes_output));

        result.Outcome.Should().Be("Passed");
        Match seed = Regex.Match(result.Output, "hello from seed (0x[0-9A-F]{16})");
        seed.Success.Should().BeTrue(result.Output);
        result.Output.Should().Contain($"property {seed.Groups[1].Value}");
        result.Test.Properties.Get(AsyncTestAttribute.SeedProperty).Should().Be(seed.Groups[1].Value);
    }

    [Test]
    public void Categories_and_properties_apply_and_filter_as_on_Test()
    {
        IReadOnlyList<CaseResult> byCategory = NUnitPipeline.RunFiltered("<filter><cat>trio</cat></filter>");

        CaseResult result = byCategory.Should().ContainSingle().Subject;
        result.Name.Should().Be(nameof(BasicFixtures.Categorized));
        result.Outcome.Should().Be("Passed");
        result.Test.Properties.Get("Owner").Should().Be("ops");
        result.Test.Properties.Get("Description").Should().Be("a described test");
        Observations.Get("categories").Should().Equal("trio");
    }

    [Test]
    public void ValueTask_and_static_test_methods_run()
    {
        IReadOnlyList<CaseResult> results = NUnitPipeline.Run(typeof(BasicFixtures), nameof(BasicFixtures.Returns_a_ValueTask), nameof(BasicFixtures.Is_static));

        results.Select(r => r.Outcome).Should().Equal("Passed", "Passed");
    }

    [Test]
    public void An_exploration_is_one_result_whatever_its_schedules()
    {
        CaseResult result = NUnitPipeline.RunOne(typeof(BasicFixtures), nameof(BasicFixtures.Explores_six_schedules));

        result.Outcome.Should().Be("Passed");
        Observations.Get("explored").Should().Equal("1/6", "2/6", "3/6", "4/6", "5/6", "6/6");
    }

    [Test]
    public void Repeat_reruns_the_whole_exploration()
    {
        CaseResult result = NUnitPipeline.RunOne(typeof(BasicFixtures), nameof(BasicFixtures.Is_repeated));

        result.Outcome.Should().Be("Passed");
        Observations.Get("repeated").Should().Equal("1/2", "2/2", "1/2", "2/2", "1/2", "2/2");
    }

    [Test]
    public void Race_found_by_500_iterations_replays_from_the_seed_pasted_into_the_attribute()
    {
        CaseResult explored = NUnitPipeline.RunOne(typeof(RaceFixtures), nameof(RaceFixtures.Racy_explored));
        explored.Outcome.Should().Be("Failed:Error", "the race fails with the scenario's own exception, which NUnit counts as an error");
        string seed = SeedPattern().Match(explored.Message).Groups[1].Value;
        seed.Should().NotBeEmpty(explored.Message);

        var pasted = new AsyncTestAttribute { Seed = seed, Iterations = 500 };
        CaseResult replayed = NUnitPipeline.RunFiltered("<filter/>", new OneTestBuilder(pasted, typeof(RaceFixtures), nameof(RaceFixtures.Racy_explored)))
            .Should().ContainSingle().Subject;

        replayed.Outcome.Should().Be("Failed:Error", "the race fails with the scenario's own exception, which NUnit counts as an error");
        replayed.Message.Should().Contain($"seed {seed} (the test's Seed, Random)");
        FirstLine(replayed.Message).Should().Be(FirstLine(explored.Message));
        LastSteps(replayed.Message).Should().Be(LastSteps(explored.Message));
        replayed.Test.Properties.Get(AsyncTestAttribute.SeedProperty).Should().Be(seed);
    }

    [Test]
    public void Report_names_the_trace_hash_that_the_harness_gives_the_same_body_and_seed()
    {
        CaseResult explored = NUnitPipeline.RunOne(typeof(RaceFixtures), nameof(RaceFixtures.Racy_explored));
        string seed = SeedPattern().Match(explored.Message).Groups[1].Value;

        TrioTestResult direct;
        using (new TestExecutionContext.IsolatedContext())
        {
            // The body's Assert.That would otherwise record its failure in this test's result.
            direct = TrioTestRunner.Run(RaceFixtures.LostUpdateAsync, new TrioTestOptions { Seed = Seed.Parse(seed), GetEnvironmentVariable = _ => null });
        }

        direct.Passed.Should().BeFalse();
        explored.Message.Should().Contain($"  trace: {direct.Trace.Hash[..16]} (sha256 of the canonical trace, {direct.Trace.Count} events)",
            "the adapter adds no event of its own, so the hash is the body's in any project");
    }

    [Test]
    public void Race_replays_from_the_seed_in_TRIOTEST_SEED()
    {
        CaseResult explored = NUnitPipeline.RunOne(typeof(RaceFixtures), nameof(RaceFixtures.Racy_explored));
        string seed = SeedPattern().Match(explored.Message).Groups[1].Value;

        Environment.SetEnvironmentVariable("TRIOTEST_SEED", seed);
        CaseResult replayed;
        try
        {
            replayed = NUnitPipeline.RunOne(typeof(RaceFixtures), nameof(RaceFixtures.Racy_explored));
        }
        finally
        {
            Environment.SetEnvironmentVariable("TRIOTEST_SEED", null);
        }

        replayed.Outcome.Should().Be("Failed:Error", "the race fails with the scenario's own exception, which NUnit counts as an error");
        replayed.Message.Should().Contain($"seed {seed} (from TRIOTEST_SEED, Random)");
        LastSteps(replayed.Message).Should().Be(LastSteps(explored.Message));
    }

    [Test]
    public void Malformed_TRIOTEST_SEED_fails_the_test_with_what_to_change()
    {
        Environment.SetEnvironmentVariable("TRIOTEST_SEED", "banana");
        CaseResult result;
        try
        {
            result = NUnitPipeline.RunOne(typeof(BasicFixtures), nameof(BasicFixtures.Passes));
        }
        finally
        {
            Environment.SetEnvironmentVariable("TRIOTEST_SEED", null);
        }

        result.Outcome.Should().Be("Failed:Error");
        result.Message.Should().Contain("TRIOTEST_SEED").And.Contain("banana");
    }

    private static string FirstLine(string message) => message.Split('\n')[0];

    private static string LastSteps(string message) => message[message.IndexOf("last steps:", StringComparison.Ordinal)..];

    [GeneratedRegex("seed (0x[0-9A-F]{16})")]
    private static partial Regex SeedPattern();

    /// <summary>Builds an assembly of one fixture holding one test, made by an attribute instance: what a user's edited attribute gives.</summary>
    private sealed class OneTestBuilder(AsyncTestAttribute attribute, Type fixture, string method) : ITestAssemblyBuilder
    {
        public ITest Build(Assembly assembly, IDictionary<string, object> options)
        {
            var root = new TestAssembly(assembly, assembly.Location);
            var suite = new TestFixture(new TypeWrapper(fixture));
            suite.Add(attribute.BuildFrom(new MethodWrapper(fixture, method), suite));
            root.Add(suite);
            return root;
        }

        public ITest Build(string assemblyNameOrPath, IDictionary<string, object> options) => throw new NotSupportedException();
    }
}
