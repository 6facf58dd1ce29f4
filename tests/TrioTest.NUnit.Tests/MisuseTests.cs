using TrioTest.NUnit.Tests.Fixtures;

namespace TrioTest.NUnit.Tests;

public sealed class MisuseTests
{
    [TestCase(nameof(MisuseFixtures.Zero_iterations), "[AsyncTest(Iterations = 0)] must be at least 1")]
    [TestCase(nameof(MisuseFixtures.Malformed_seed), "[AsyncTest(Seed = \"0xNOTHEX\")] is not a seed")]
    [TestCase(nameof(MisuseFixtures.Negative_threshold), "[AsyncTest(AutojumpThreshold = -5)] must be zero or a positive number of milliseconds")]
    [TestCase(nameof(MisuseFixtures.Zero_depth), "[AsyncTest(PctDepth = 0)] must be at least 1")]
    [TestCase(nameof(MisuseFixtures.Negative_timeout), "[AsyncTest(Timeout = -1)] must be zero")]
    [TestCase(nameof(MisuseFixtures.Async_void), "is 'async void': its failures would escape the test. Declare it 'async Task'.")]
    [TestCase(nameof(MisuseFixtures.Not_async), "returns Void, but TrioTest runs async code")]
    [TestCase(nameof(MisuseFixtures.Test_case_with_bad_iterations), "[AsyncTest(Iterations = -1)] must be at least 1")]
    [TestCase(nameof(MisuseFixtures.Test_case_not_async), "returns Void, but TrioTest runs async code")]
    [TestCase(nameof(MisuseFixtures.Expected_result_on_a_parameterized_method), "set ExpectedResult on each [TestCase]")]
    [TestCase(nameof(MisuseFixtures.With_MaxTime), "[AsyncTest] cannot be combined with [MaxTime]")]
    public void Misuse_shows_up_as_a_failing_test_that_says_what_to_change(string method, string message)
    {
        CaseResult result = NUnitPipeline.RunOne(typeof(MisuseFixtures), method);

        result.State.Status.Should().Be(global::NUnit.Framework.Interfaces.TestStatus.Failed);
        result.Outcome.Should().Be("Failed:Invalid");
        result.Message.Should().Contain(message);
    }

    [Test]
    public void Async_void_set_up_fails_the_test_with_NUnit_s_own_message()
    {
        CaseResult result = NUnitPipeline.RunOne(typeof(AsyncVoidSetUpFixtures), nameof(AsyncVoidSetUpFixtures.Has_an_async_void_set_up));

        result.State.Status.Should().Be(global::NUnit.Framework.Interfaces.TestStatus.Failed);
        result.Message.Should().Contain("SetUp and TearDown methods must not be async void: SetUpAsync");
    }
}
