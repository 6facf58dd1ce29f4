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

    [TestCase(nameof(AssertFixtures.Blocking_ThrowsAsync_on_the_loop), "NUnit's Assert.ThrowsAsync", "await Assert.ThatAsync(() => ..., Throws.TypeOf<TException>())")]
    [TestCase(nameof(AssertFixtures.Blocking_Multiple_with_async_code_on_the_loop), "NUnit's Assert.Multiple", "await Assert.MultipleAsync(async () => ...)")]
    public void Blocking_assert_on_async_code_fails_at_the_call_naming_the_awaitable_form(string method, string call, string fix)
    {
        CaseResult result = NUnitPipeline.RunOne(typeof(AssertFixtures), method);

        result.Outcome.Should().Be("Failed:Error", "a BlockingWaitException is an error, not an assertion");
        // At the call, not after the one-second blocked-loop limit (which would be a LoopBlockedException).
        result.Message.Should().StartWith("TrioTest: BlockingWaitException: Task main blocked the TrioTest loop with " + call)
            .And.Contain("at AssertFixtures.cs:")
            .And.Contain("Instead: " + fix)
            .And.Contain("seed 0x");
    }
}
