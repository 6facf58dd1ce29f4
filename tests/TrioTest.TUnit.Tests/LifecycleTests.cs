namespace TrioTest.TUnit.Tests;

public sealed class LifecycleTests
{
    [Fact]
    public void Before_hook_body_and_after_hook_run_on_one_loop_thread_under_the_schedules_seed()
    {
        TrxResult result = TUnitPipeline.One("Runs_set_up_and_body_on_the_loop");

        result.Outcome.Should().Be("Passed", result.Message);
        string[] lines = Lines(result.Output);
        lines.Select(static l => l.Split(':')[0]).Should().Equal("before", "body", "after");
        lines.Select(static l => l.Split(':')[1]).Should().OnlyContain(where => where.StartsWith(" loop ", StringComparison.Ordinal))
            .And.Subject.Distinct().Should().ContainSingle("every stage runs on the same loop thread under the same seed");
    }

    [Fact]
    public void Every_schedule_runs_the_hooks_around_the_body_under_its_own_seed()
    {
        TrxResult result = TUnitPipeline.One("Runs_set_up_in_every_schedule");

        result.Outcome.Should().Be("Passed", result.Message);
        string[] lines = Lines(result.Output);
        lines.Select(static l => l.Split(':')[0]).Should().Equal("before", "schedule", "after", "before", "schedule", "after", "before", "schedule", "after");
        lines.Select(static l => l.Split(' ')[^1]).Distinct().Should().HaveCount(3, "each schedule has its own seed");
    }

    [Fact]
    public void TUnits_own_invocation_of_the_body_leaves_the_loop_which_is_why_the_adapter_calls_the_method_itself()
    {
        TrxResult probe = TUnitPipeline.One("Body_that_awaits_the_loop_through_TUnits_own_invocation");

        probe.Outcome.Should().Be("Failed");
        probe.Message.Should().Contain("TrioTest: EscapeException: Code left the TrioTest loop").And.Contain("ConfigureAwait(false)");
    }

    [Fact]
    public void Arguments_and_MethodDataSource_rows_run_one_by_one_on_the_loop_and_a_bad_row_fails_alone()
    {
        TUnitPipeline.One("Doubles(1, 2)").Outcome.Should().Be("Passed");
        TUnitPipeline.One("Doubles(2, 4)").Output.Should().StartWith("row: loop ");
        TrxResult failing = TUnitPipeline.One("Doubles(3, 7)");
        failing.Outcome.Should().Be("Failed");
        failing.Message.Should().Contain("TrioTest: InvalidOperationException: 3 * 2 is 6, not 7");
        TUnitPipeline.One("Sleeps(1)").Outcome.Should().Be("Passed");
        TUnitPipeline.One("Sleeps(3)").Outcome.Should().Be("Passed");
    }

    private static string[] Lines(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(static l => l.Contains(": loop ", StringComparison.Ordinal))];
}
