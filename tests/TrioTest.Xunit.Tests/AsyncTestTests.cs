using System.Text.RegularExpressions;
using TrioTest.Testing;
using TrioTest.Xunit.Sdk;
using TrioTest.Xunit.Tests.Fixtures;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace TrioTest.Xunit.Tests;

// The fixtures share static observations and one test sets TRIOTEST_SEED: run these classes one at a time.
[Collection(nameof(XunitPipeline))]
public sealed partial class AsyncTestTests
{
    [Fact]
    public void Late_async_void_work_is_dropped_and_reported_with_its_tests_name_while_a_hundred_others_pass()
    {
        LateWorkFixtures.Reset();
        var stderr = new StringWriter();
        TextWriter saved = Console.Error;
        Console.SetError(TextWriter.Synchronized(stderr));
        IReadOnlyList<CaseResult> results;
        try
        {
            results = XunitPipeline.Run(typeof(LateWorkFixtures));
            LateWorkFixtures.Gate.TrySetResult();   // the leaving test ran last: nobody released it yet
        }
        finally
        {
            Console.SetError(saved);
        }

        results.Should().HaveCount(101).And.OnlyContain(r => r.Outcome == "passed");
        stderr.ToString().Should().Contain("TrioTest: work of task main of test ")
            .And.Contain("LateWorkFixtures.Leaves_an_async_void_behind")
            .And.Contain("came back after its run ended, and was dropped");
    }

    [Fact]
    public void Passing_test_runs_constructor_lifetime_body_and_dispose_on_one_loop()
    {
        Observations.Clear();

        CaseResult result = XunitPipeline.RunOne(typeof(FactFixtures), nameof(FactFixtures.Passes));

        result.Outcome.Should().Be("passed", result.Message);
        string[] body = Observations.Get("body");
        body.Should().ContainSingle().Which.Should().StartWith("loop ");
        Observations.Get("ctor").Should().Equal(body);
        Observations.Get("initialize").Should().Equal(body);
        Observations.Get("dispose-async").Should().Equal(body);
        Observations.Get("dispose").Should().Equal(body);
    }

    [Fact]
    public void Failing_test_reports_the_design_shape_with_the_original_exception_inside()
    {
        CaseResult result = XunitPipeline.RunOne(typeof(FactFixtures), nameof(FactFixtures.Fails));

        result.Outcome.Should().Be("failed");
        result.ExceptionType.Should().Be($"{typeof(TrioTestFailedException).FullName} | {typeof(InvalidOperationException).FullName}");
        result.Message.Should().StartWith("TrioTest: InvalidOperationException: the fixture fails on purpose\n  seed 0x")
            .And.Contain("replay: [AsyncTest(Seed = \"0x")
            .And.Contain("checkpoint \"before the failure\"   FactFixtures.cs:")
            .And.EndWith("---- the fixture fails on purpose");
        result.Output.Should().Contain("TrioTest trace of seed 0x");
    }

    [Fact]
    public void One_hour_FailAfter_around_a_hang_fails_with_TooSlow_in_virtual_time()
    {
        CaseResult result = XunitPipeline.RunOne(typeof(FactFixtures), nameof(FactFixtures.Hangs_inside_a_one_hour_FailAfter));

        result.Outcome.Should().Be("failed");
        result.Message.Should().StartWith("TrioTest: TooSlowException:").And.Contain("virtual time 01:00:00.000");
    }

    [Fact]
    public void Step_that_blocks_the_loop_fails_the_test_at_the_attributes_limit_naming_the_task()
    {
        CaseResult result = XunitPipeline.RunOne(typeof(FactFixtures), nameof(FactFixtures.Blocks_the_loop_until_released));
        FactFixtures.LoopBlocker.Set();

        result.Outcome.Should().Be("failed");
        result.Message.Should().StartWith("TrioTest: LoopBlockedException: One step of task main has held the TrioTest loop");
    }

    [Fact]
    public void Body_and_cleanup_failures_are_both_reported_body_first()
    {
        CaseResult result = XunitPipeline.RunOne(typeof(CleanupFailureFixtures), nameof(CleanupFailureFixtures.Body_fails_and_so_does_dispose));

        result.Outcome.Should().Be("failed");
        result.Message.Should().StartWith("TrioTest: AggregateException: 2 failures at once: InvalidOperationException: the body fails; FormatException: Dispose fails too");
    }

    [Fact]
    public void Output_helper_text_appears_in_the_result()
    {
        CaseResult result = XunitPipeline.RunOne(typeof(FactFixtures), nameof(FactFixtures.Writes_output));

        result.Outcome.Should().Be("passed");
        result.Output.Should().MatchRegex("hello from seed 0x[0-9A-F]{16}");
    }

    [Fact]
    public void Skip_and_DisplayName_work_as_on_Fact()
    {
        CaseResult skipped = XunitPipeline.RunOne(typeof(FactFixtures), nameof(FactFixtures.Skipped));
        CaseResult named = XunitPipeline.RunOne(typeof(FactFixtures), nameof(FactFixtures.Named));

        skipped.Outcome.Should().Be("skipped");
        skipped.Message.Should().Be("skipped on purpose");
        named.DisplayName.Should().Be("A custom display name");
        named.Outcome.Should().Be("passed");
    }

    [Fact]
    public void Each_schedule_gets_a_fresh_test_class_instance()
    {
        Observations.Clear();

        XunitPipeline.RunOne(typeof(FactFixtures), nameof(FactFixtures.Gets_a_fresh_instance_per_schedule)).Outcome.Should().Be("passed");

        Observations.Get("instances").Should().HaveCount(7).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public void ValueTask_test_methods_run()
    {
        XunitPipeline.RunOne(typeof(FactFixtures), nameof(FactFixtures.Returns_a_ValueTask)).Outcome.Should().Be("passed");
    }

    [Fact]
    public void Race_found_by_500_iterations_replays_from_the_seed_pasted_into_the_attribute()
    {
        CaseResult explored = XunitPipeline.RunOne(typeof(RaceFixtures), nameof(RaceFixtures.Racy_explored));
        explored.Outcome.Should().Be("failed");
        string seed = SeedPattern().Match(explored.Message).Groups[1].Value;
        seed.Should().NotBeEmpty(explored.Message);

        ITestCase pasted = DiscoverWith(new AsyncTestAttribute { Seed = seed, Iterations = 500 }, typeof(RaceFixtures), nameof(RaceFixtures.Racy_explored));
        CaseResult replayed = XunitPipeline.Run([pasted]).Should().ContainSingle().Subject;

        replayed.Outcome.Should().Be("failed");
        replayed.Message.Should().Contain($"seed {seed} (the test's Seed, Random)");
        FirstLine(replayed.Message).Should().Be(FirstLine(explored.Message));
        LastSteps(replayed.Message).Should().Be(LastSteps(explored.Message));
    }

    [Fact]
    public void Report_names_the_trace_hash_that_the_harness_gives_the_same_body_and_seed()
    {
        CaseResult explored = XunitPipeline.RunOne(typeof(RaceFixtures), nameof(RaceFixtures.Racy_explored));
        string seed = SeedPattern().Match(explored.Message).Groups[1].Value;

        TrioTestResult direct = TrioTestRunner.Run(RaceFixtures.LostUpdateAsync, new TrioTestOptions { Seed = Seed.Parse(seed), GetEnvironmentVariable = _ => null });

        direct.Passed.Should().BeFalse();
        explored.Message.Should().Contain($"  trace: {direct.Trace.Hash[..16]} (sha256 of the canonical trace, {direct.Trace.Count} events)",
            "the adapter adds no event of its own, so the hash is the body's in any project");
    }

    [Fact]
    public void Race_replays_from_the_seed_in_TRIOTEST_SEED()
    {
        CaseResult explored = XunitPipeline.RunOne(typeof(RaceFixtures), nameof(RaceFixtures.Racy_explored));
        string seed = SeedPattern().Match(explored.Message).Groups[1].Value;

        Environment.SetEnvironmentVariable("TRIOTEST_SEED", seed);
        CaseResult replayed;
        try
        {
            replayed = XunitPipeline.RunOne(typeof(RaceFixtures), nameof(RaceFixtures.Racy_explored));
        }
        finally
        {
            Environment.SetEnvironmentVariable("TRIOTEST_SEED", null);
        }

        replayed.Message.Should().Contain($"seed {seed} (from TRIOTEST_SEED, Random)");
        LastSteps(replayed.Message).Should().Be(LastSteps(explored.Message));
    }

    [Theory]
    [InlineData(nameof(MisuseFixtures.Zero_iterations), "[AsyncTest(Iterations = 0)] must be at least 1")]
    [InlineData(nameof(MisuseFixtures.Malformed_seed), "[AsyncTest(Seed = \"0xNOTHEX\")] is not a seed")]
    [InlineData(nameof(MisuseFixtures.Negative_threshold), "[AsyncTest(AutojumpThreshold = -5)] must be zero or a positive number of milliseconds")]
    [InlineData(nameof(MisuseFixtures.Zero_depth), "[AsyncTest(PctDepth = 0)] must be at least 1")]
    [InlineData(nameof(MisuseFixtures.Async_void), "is 'async void'")]
    [InlineData(nameof(MisuseFixtures.Not_async), "returns Void, but TrioTest runs async code")]
    [InlineData(nameof(MisuseFixtures.Theory_with_bad_iterations), "[AsyncTheory(Iterations = -1)] must be at least 1")]
    [InlineData(nameof(MisuseFixtures.Generic), "[AsyncTest] method MisuseFixtures.Generic is generic")]
    [InlineData(nameof(MisuseFixtures.Parameters_without_data), "[AsyncTest] method MisuseFixtures.Parameters_without_data has parameters, but [AsyncTest] passes no arguments: use [AsyncTheory]")]
    [InlineData(nameof(MisuseFixtures.Theory_row_with_too_many_values), "MisuseFixtures.Theory_row_with_too_many_values takes 1 parameter(s) (Int32 value), but its data row gives 2 value(s) (1 (Int32), 2 (Int32)): make every data row match")]
    public void Misuse_shows_up_as_a_failing_test_that_says_what_to_change(string method, string message)
    {
        CaseResult result = XunitPipeline.RunOne(typeof(MisuseFixtures), method);

        result.Outcome.Should().Be("failed");
        result.Message.Should().Contain(message);
    }

    [Fact]
    public void Test_cases_round_trip_every_setting_through_xunit_serialization()
    {
        var attribute = new AsyncTestAttribute
        {
            Seed = "0x2A",
            Iterations = 9,
            Strategy = ExplorationStrategy.Pct,
            PctDepth = 4,
            AutojumpThreshold = 1.5,
            VirtualTimeLimit = 60_000,
            Strict = false,
            Timeout = 1234,
            BlockedLoopTimeout = 4321,
            StepLimit = 123_456,
            TraceWindow = 789,
            Shrink = false,
            RecordRegressions = false,
        };
        ITestCase original = DiscoverWith(attribute, typeof(FactFixtures), nameof(FactFixtures.Fails));

        var copy = SerializationHelper.Deserialize<AsyncTestCase>(SerializationHelper.Serialize(original))!;

        copy.Should().BeOfType<AsyncTestCase>();
        SerializationHelper.Serialize(copy).Should().Be(SerializationHelper.Serialize(original));
        copy.DisplayName.Should().Be(original.DisplayName);
        string serialized = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(SerializationHelper.Serialize(copy).Split(':')[1]));
        serialized.Should().Contain("TrioTestSettings");
        // Settings is internal to the adapter: read it as xunit's deserializer left it.
        var settings = (AsyncTestSettings)typeof(AsyncTestCase).GetProperty("Settings", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(copy)!;
        settings.Serialize().Should().Be(
            "Seed=0x2A;Iterations=9;Strategy=1;PctDepth=4;AutojumpThreshold=1.5;VirtualTimeLimit=60000;Timeout=1234;BlockedLoopTimeout=4321;StepLimit=123456;TraceWindow=789;Strict=false;Shrink=false;RecordRegressions=false",
            "every setting that was set survives, and only those");

        CaseResult replayed = XunitPipeline.Run([copy]).Should().ContainSingle().Subject;
        // The fixture fails in every order, so PCT's FIFO sizing run finds it, and the report says so.
        replayed.Message.Should().Contain("seed 0x000000000000002A (the test's Seed, the FIFO run that sizes Pct depth 4, before any Pct schedule)");
    }

    private static ITestCase DiscoverWith(AsyncTestAttribute attribute, Type fixture, string method)
    {
        ITestCase discovered = XunitPipeline.Discover(fixture).Single(c => c.TestMethod.Method.Name == method);
        var discoverer = new AsyncTestDiscoverer(new NullMessageSink());
        return discoverer.Discover(new DiscoveryOptions(), discovered.TestMethod, new InstanceAttributeInfo(attribute)).Single();
    }

    private static string FirstLine(string message) => message.Split('\n')[0];

    private static string LastSteps(string message) => message[message.IndexOf("last steps:", StringComparison.Ordinal)..];

    [GeneratedRegex("seed (0x[0-9A-F]{16})")]
    private static partial Regex SeedPattern();

    /// <summary>An attribute as xunit's discovery sees it, made from an instance: what a user's edited attribute would give.</summary>
    private sealed class InstanceAttributeInfo(Attribute attribute) : LongLivedMarshalByRefObject, IReflectionAttributeInfo
    {
        public Attribute Attribute => attribute;

        public IEnumerable<object> GetConstructorArguments() => [];

        public IEnumerable<IAttributeInfo> GetCustomAttributes(string assemblyQualifiedAttributeTypeName) =>
            Reflector.Wrap(attribute.GetType()).GetCustomAttributes(assemblyQualifiedAttributeTypeName);

        public TValue GetNamedArgument<TValue>(string argumentName) =>
            (TValue)attribute.GetType().GetProperties().First(p => p.Name == argumentName).GetValue(attribute)!;
    }

    private sealed class DiscoveryOptions : ITestFrameworkDiscoveryOptions
    {
        public TValue GetValue<TValue>(string name) => default!;

        public void SetValue<TValue>(string name, TValue value)
        {
        }
    }
}

[CollectionDefinition(nameof(XunitPipeline), DisableParallelization = true)]
public sealed class XunitPipelineCollection;
