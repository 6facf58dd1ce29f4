using TrioTest.NUnit.Tests.Fixtures;

namespace TrioTest.NUnit.Tests;

public sealed class LifeCycleTests
{
    [SetUp]
    public void ClearObservations() => Observations.Clear();

    [Test]
    public void InstancePerTestCase_gets_a_fresh_instance_per_schedule_built_and_disposed_on_the_loop()
    {
        CaseResult result = NUnitPipeline.RunOne(typeof(FreshInstanceFixtures), nameof(FreshInstanceFixtures.Gets_a_fresh_instance_per_schedule));

        result.Outcome.Should().Be("Passed", result.Message);
        string[] instances = Observations.Get("instances");
        instances.Should().HaveCount(7).And.OnlyHaveUniqueItems();
        Observations.Get("setup-instance").Should().Equal(instances);

        // NUnit builds one instance itself, off the loop, before [AsyncTest]'s command runs; it is disposed unused, on a loop.
        Observations.Get("ctor").Should().HaveCount(8).And.ContainSingle(w => w == "outside");
        Observations.Get("ctor").Where(w => w != "outside").Should().OnlyContain(w => w.StartsWith("loop ", StringComparison.Ordinal));
        Observations.Get("dispose").Should().HaveCount(8).And.OnlyContain(w => w.StartsWith("loop ", StringComparison.Ordinal));
    }

    [Test]
    public void InstancePerTestCase_disposes_NUnit_s_spare_instance_on_a_loop_so_DisposeAsync_may_await_TrioTest()
    {
        CaseResult result = NUnitPipeline.RunOne(typeof(AsyncDisposeFixtures), nameof(AsyncDisposeFixtures.Awaits_the_loop_when_disposed));

        result.Outcome.Should().Be("Passed", result.Message);
        // Three schedules' instances and NUnit's spare, each disposed after five virtual seconds on its own loop.
        Observations.Get("disposed-at").Should().HaveCount(4).And.OnlyContain(t => t == "00:00:05");
    }

    [Test]
    public void Default_life_cycle_uses_NUnit_s_instance_and_its_OneTimeSetUp_state_in_every_schedule()
    {
        CaseResult result = NUnitPipeline.RunOne(typeof(SharedInstanceFixtures), nameof(SharedInstanceFixtures.Uses_NUnit_s_instance_in_every_schedule));

        result.Outcome.Should().Be("Passed", result.Message);
        Observations.Get("instances").Should().HaveCount(5).And.AllBeEquivalentTo(Observations.Get("instances")[0])
            .And.OnlyContain(i => i.EndsWith(" prepared once", StringComparison.Ordinal));
    }

    [Test]
    public void Set_up_levels_run_base_first_and_tear_downs_derived_first_with_method_actions_inside_per_schedule()
    {
        CaseResult result = NUnitPipeline.RunOne(typeof(DerivedLevelFixtures), nameof(DerivedLevelFixtures.Runs_levels_in_order));

        result.Outcome.Should().Be("Passed", result.Message);
        string[] schedule = ["base setup", "derived setup", "before action True", "body", "after action True", "derived teardown", "base teardown"];
        Observations.Get("order").Should().Equal([.. schedule, .. schedule]);
    }

    [Test]
    public void Failing_body_still_runs_every_tear_down()
    {
        CaseResult result = NUnitPipeline.RunOne(typeof(DerivedLevelFixtures), nameof(DerivedLevelFixtures.Fails_and_still_tears_down));

        result.Outcome.Should().Be("Failed:Error");
        result.Message.Should().StartWith("TrioTest: InvalidOperationException: the body fails");
        Observations.Get("order").Should().Equal("base setup", "derived setup", "body", "derived teardown", "base teardown");
    }

    [Test]
    public void Failing_async_set_up_fails_the_schedule_skips_the_body_and_tears_down_in_virtual_time()
    {
        CaseResult result = NUnitPipeline.RunOne(typeof(FailingSetUpFixtures), nameof(FailingSetUpFixtures.Never_runs));

        result.Outcome.Should().Be("Failed:Error");
        result.Message.Should().StartWith("TrioTest: InvalidOperationException: set-up fails on purpose").And.Contain("virtual time 00:00:05.000");
        Observations.Get("failing-setup").Should().Equal("teardown at 00:00:05");
    }
}
