using TrioTest.NUnit.Tests.Fixtures;

namespace TrioTest.NUnit.Tests;

public sealed class AssertTests
{
    [Test]
    public void Assert_Multiple_failures_fail_the_schedule_with_every_failure_and_the_seed()
    {
        CaseResult result = NUnitPipeline.RunOne(typeof(AssertFixtures), nameof(AssertFixtures.Multiple_fails_with_every_failure));

        result.Outcome.Should().Be("Failed");
        result.Message.Should().StartWith("TrioTest: MultipleAssertException:").And.Contain("first").And.Contain("second").And.Contain("seed 0x");
    }

    [Test]
    public void Multiple_assert_scope_spanning_awaits_passes()
    {
        NUnitPipeline.RunOne(typeof(AssertFixtures), nameof(AssertFixtures.Multiple_scope_across_awaits_passes)).Outcome.Should().Be("Passed");
    }

    [Test]
    public void Scope_left_open_fails_with_what_to_change()
    {
        CaseResult result = NUnitPipeline.RunOne(typeof(AssertFixtures), nameof(AssertFixtures.Leaves_a_scope_open));

        result.Outcome.Should().Be("Failed:Error");
        result.Message.Should().StartWith("TrioTest: InvalidOperationException: The test finished with 1 Assert.EnterMultipleScope() scope(s) still open");
    }

    [Test]
    public void Assertion_caught_by_the_test_still_fails_it_with_the_seed()
    {
        CaseResult result = NUnitPipeline.RunOne(typeof(AssertFixtures), nameof(AssertFixtures.Catches_its_own_assertion));

        result.Outcome.Should().Be("Failed");
        result.Message.Should().StartWith("TrioTest: AssertionException:").And.Contain("swallowed").And.Contain("seed 0x");
    }

    [Test]
    public void Warnings_and_ignores_keep_NUnit_s_outcomes()
    {
        IReadOnlyList<CaseResult> results = NUnitPipeline.Run(typeof(AssertFixtures), nameof(AssertFixtures.Warns), nameof(AssertFixtures.Ignores));

        CaseResult warned = results.Single(r => r.Name == nameof(AssertFixtures.Warns));
        warned.Outcome.Should().Be("Warning");
        warned.Message.Should().Contain("careful");
        CaseResult ignored = results.Single(r => r.Name == nameof(AssertFixtures.Ignores));
        ignored.Outcome.Should().Be("Skipped:Ignored");
        ignored.Message.Should().Be("not today");
    }
}
