namespace TrioTest.MSTest.Tests;

[TestClass]
public sealed class LifecycleTests
{
    [TestMethod]
    public void Constructor_initialize_body_cleanup_and_dispose_run_on_one_loop_thread_under_the_schedules_seed()
    {
        TrxResult result = MSTestPipeline.One("Runs_every_stage_on_the_loop");

        result.Outcome.Should().Be("Passed", result.Message);
        string[] lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Select(static l => l.Split(':')[0]).Should().Equal("constructor", "initialize", "body", "cleanup", "dispose");
        lines.Select(static l => l.Split(':')[1]).Should().OnlyContain(where => where.StartsWith(" loop ", StringComparison.Ordinal))
            .And.Subject.Distinct().Should().ContainSingle("every stage runs on the same loop thread under the same seed");
    }

    [TestMethod]
    public void Each_schedule_gets_a_fresh_instance_with_its_own_set_up_and_tear_down()
    {
        TrxResult result = MSTestPipeline.One("Gets_a_fresh_instance_per_schedule");

        result.Outcome.Should().Be("Passed", result.Message);
        string[] lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Where(static l => l.StartsWith("instance ", StringComparison.Ordinal)).Should().HaveCount(3).And.OnlyHaveUniqueItems();
        lines.Count(static l => l.StartsWith("initialize: loop ", StringComparison.Ordinal)).Should().Be(3);
        lines.Count(static l => l.StartsWith("cleanup: loop ", StringComparison.Ordinal)).Should().Be(3);
    }

    [TestMethod]
    public void MSTests_own_invocation_leaves_the_loop_at_the_first_await_which_is_why_the_adapter_runs_the_lifecycle_itself()
    {
        TrxResult probe = MSTestPipeline.One("Set_up_that_awaits_the_loop_through_MSTests_own_invocation");

        probe.Outcome.Should().Be("Failed");
        probe.Message.Should().StartWith("TrioTest: EscapeException: Code left the TrioTest loop")
            .And.Contain("ConfigureAwait(false)");
    }
}
