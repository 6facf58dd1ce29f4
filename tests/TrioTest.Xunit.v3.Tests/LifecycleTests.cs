namespace TrioTest.Xunit.v3.Tests;

public sealed class LifecycleTests
{
    [Theory]
    [MemberData(nameof(XunitV3Pipeline.Modes), MemberType = typeof(XunitV3Pipeline))]
    public void Constructor_InitializeAsync_body_and_DisposeAsync_run_on_one_loop_thread_under_the_schedules_seed(string mode)
    {
        TrxResult result = XunitV3Pipeline.One(mode, "LifecycleFixtures.Runs_every_stage_on_the_loop");

        result.Outcome.Should().Be("Passed", result.Message);
        string[] lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Select(static l => l.Split(':')[0]).Should().Equal("constructor", "initialize", "body", "dispose");
        lines.Select(static l => l.Split(':')[1]).Should().OnlyContain(where => where.StartsWith(" loop ", StringComparison.Ordinal))
            .And.Subject.Distinct().Should().ContainSingle("every stage runs on the same loop thread under the same seed");
    }

    [Theory]
    [MemberData(nameof(XunitV3Pipeline.Modes), MemberType = typeof(XunitV3Pipeline))]
    public void Each_schedule_gets_a_fresh_instance_and_the_class_fixture_xunit_shares(string mode)
    {
        TrxResult result = XunitV3Pipeline.One(mode, "LifecycleFixtures.Gets_a_fresh_instance_per_schedule_and_the_shared_fixture");

        result.Outcome.Should().Be("Passed", result.Message);
        string[] instances = [.. result.Output.Split('\n', StringSplitOptions.TrimEntries).Where(static l => l.StartsWith("instance ", StringComparison.Ordinal))];
        instances.Should().HaveCount(3);
        instances.Select(static l => l.Split(' ')[1]).Should().OnlyHaveUniqueItems();
        instances.Select(static l => l.Split(' ')[3]).Distinct().Should().ContainSingle();
    }

    [Theory]
    [MemberData(nameof(XunitV3Pipeline.Modes), MemberType = typeof(XunitV3Pipeline))]
    public void Theory_rows_run_one_by_one_on_the_loop_and_a_bad_row_fails_alone(string mode)
    {
        XunitV3Pipeline.One(mode, "TheoryFixtures.Doubles(value: 1, expected: 2)").Outcome.Should().Be("Passed");
        XunitV3Pipeline.One(mode, "TheoryFixtures.Doubles(value: 2, expected: 4)").Output.Should().StartWith("row: loop ");
        TrxResult failing = XunitV3Pipeline.One(mode, "TheoryFixtures.Doubles(value: 3, expected: 7)");
        failing.Outcome.Should().Be("Failed");
        failing.Message.Should().Contain("TrioTest: EqualException:");
        XunitV3Pipeline.One(mode, "TheoryFixtures.Sleeps(seconds: 3)").Outcome.Should().Be("Passed");
        XunitV3Pipeline.One(mode, "TheoryFixtures.Unserializable_rows(widget: Widget { Size = 5 })").Output.Should().StartWith("widget 5: loop ");
    }
}
