using TrioTest.NUnit.Tests.Fixtures;

namespace TrioTest.NUnit.Tests;

public sealed class TestCaseTests
{
    [SetUp]
    public void ClearObservations() => Observations.Clear();

    [Test]
    public void TestCase_arguments_run_each_case_on_the_loop_with_its_own_result()
    {
        IReadOnlyList<CaseResult> results = NUnitPipeline.Run(typeof(TestCaseFixtures), nameof(TestCaseFixtures.Doubles));

        results.Select(r => (r.Name, r.Outcome)).Should().BeEquivalentTo([("Doubles(1,2)", "Passed"), ("Doubles(2,4)", "Passed"), ("Doubles(3,7)", "Failed")]);
        results.Single(r => r.Name == "Doubles(3,7)").Message.Should().StartWith("TrioTest: AssertionException:").And.Contain("But was:  6");
        Observations.Get("case-where").Should().HaveCount(3).And.OnlyContain(w => w.StartsWith("loop ", StringComparison.Ordinal));
    }

    [Test]
    public void TestCaseSource_cases_run_with_their_names()
    {
        IReadOnlyList<CaseResult> results = NUnitPipeline.Run(typeof(TestCaseFixtures), nameof(TestCaseFixtures.Sleeps));

        results.Select(r => (r.Name, r.Outcome)).Should().BeEquivalentTo([("Sleeps(1)", "Passed"), ("Sleeps three seconds", "Passed")]);
    }

    [Test]
    public void Failing_case_reports_its_full_name_with_arguments_as_the_test_name()
    {
        CaseResult failed = NUnitPipeline.Run(typeof(TestCaseFixtures), nameof(TestCaseFixtures.Doubles)).Single(r => r.Outcome == "Failed");

        failed.FullName.Should().Be($"{typeof(TestCaseFixtures).FullName}.Doubles(3,7)");
        failed.Message.Should().Contain("replay: [AsyncTest(Seed = \"0x");
    }

    [Test]
    public void Harness_gets_the_full_name_with_arguments_and_the_assembly_s_choice_of_no_regression_file()
    {
        NUnitPipeline.RunOne(typeof(TestCaseFixtures), nameof(TestCaseFixtures.Names_itself)).Outcome.Should().Be("Passed");

        Observations.Get("names").Should().Equal($"{typeof(TestCaseFixtures).FullName}.Names_itself(7, \"seven\") | no regression file | AsyncTest | 7 seven");
    }

    [Test]
    public void ExpectedResult_on_TestCase_is_checked_in_every_schedule()
    {
        IReadOnlyList<CaseResult> results = NUnitPipeline.Run(typeof(TestCaseFixtures), nameof(TestCaseFixtures.Doubled));

        results.Select(r => (r.Name, r.Outcome)).Should().BeEquivalentTo([("Doubled(2)", "Passed"), ("Doubled(3)", "Failed")]);
        results.Single(r => r.Name == "Doubled(3)").Message.Should().StartWith("TrioTest: AssertionException:").And.Contain("Assert.That(result, Is.EqualTo(ExpectedResult))")
            .And.Contain("Expected: 7").And.Contain("But was:  6").And.Contain("schedule 1 of 3");
    }

    [Test]
    public void ExpectedResult_on_the_attribute_is_checked_like_Test_s()
    {
        IReadOnlyList<CaseResult> results = NUnitPipeline.Run(typeof(TestCaseFixtures), nameof(TestCaseFixtures.Answers), nameof(TestCaseFixtures.Answers_wrongly));

        results.Single(r => r.Name == nameof(TestCaseFixtures.Answers)).Outcome.Should().Be("Passed");
        CaseResult wrong = results.Single(r => r.Name == nameof(TestCaseFixtures.Answers_wrongly));
        wrong.Outcome.Should().Be("Failed");
        wrong.Message.Should().Contain("Expected: \"no\"").And.Contain("But was:  \"yes\"");
    }

    [Test]
    public void Trailing_CancellationToken_parameter_gets_the_loop_s_token_for_the_body()
    {
        IReadOnlyList<CaseResult> results = NUnitPipeline.Run(
            typeof(TestCaseFixtures), nameof(TestCaseFixtures.Takes_a_token), nameof(TestCaseFixtures.Takes_data_and_a_token), nameof(TestCaseFixtures.Sees_its_token_cancelled_with_its_scope));

        results.Should().HaveCount(3).And.OnlyContain(r => r.Outcome == "Passed");
        Observations.Get("token").Should().BeEquivalentTo("True True False", "True True False", "True True False", "5 True", "cancelled on the loop True");
    }

    [Test]
    public void CancelAfter_stops_the_exploration_cancels_the_body_s_token_and_fails_as_NUnit_does()
    {
        CaseResult result = NUnitPipeline.RunOne(typeof(CancelAfterFixtures), nameof(CancelAfterFixtures.Waits_until_NUnit_cancels_it));

        result.Outcome.Should().Be("Failed");
        result.Message.Should().Be("Test exceeded CancelAfter value of 20ms");
        Observations.Get("cancel-after").Should().Equal("token cancelled on the loop True");
    }
}
