using TrioTest.Xunit.Tests.Fixtures;

namespace TrioTest.Xunit.Tests;

[Collection(nameof(XunitPipeline))]
public sealed class AsyncTheoryTests
{
    [Fact]
    public void InlineData_rows_pass_and_fail_one_by_one_and_show_their_arguments()
    {
        IReadOnlyList<CaseResult> results = XunitPipeline.Run(typeof(TheoryFixtures), nameof(TheoryFixtures.Doubles));

        results.Select(r => (r.DisplayName, r.Outcome)).Should().BeEquivalentTo(
        [
            ("TrioTest.Xunit.Tests.Fixtures.TheoryFixtures.Doubles(value: 1, expected: 2)", "passed"),
            ("TrioTest.Xunit.Tests.Fixtures.TheoryFixtures.Doubles(value: 2, expected: 4)", "passed"),
            ("TrioTest.Xunit.Tests.Fixtures.TheoryFixtures.Doubles(value: 3, expected: 7)", "failed"),
        ]);
    }

    [Fact]
    public void Each_serializable_row_is_its_own_test_case_so_one_row_can_be_filtered()
    {
        var cases = XunitPipeline.Discover(typeof(TheoryFixtures)).Where(c => c.TestMethod.Method.Name == nameof(TheoryFixtures.Doubles)).ToList();

        cases.Should().HaveCount(3);
        cases.Select(c => c.UniqueID).Should().OnlyHaveUniqueItems();
        XunitPipeline.Run([cases[1]]).Should().ContainSingle().Which.Outcome.Should().Be("passed");
    }

    [Fact]
    public void MemberData_and_ClassData_rows_run_in_virtual_time()
    {
        IReadOnlyList<CaseResult> results = XunitPipeline.Run(typeof(TheoryFixtures), nameof(TheoryFixtures.Sleeps), nameof(TheoryFixtures.Even));

        results.Should().HaveCount(4).And.OnlyContain(r => r.Outcome == "passed");
    }

    [Fact]
    public void Unserializable_rows_are_enumerated_at_run_time_and_run_on_the_loop()
    {
        Observations.Clear();

        IReadOnlyList<CaseResult> results = XunitPipeline.Run(typeof(TheoryFixtures), nameof(TheoryFixtures.Widgets));

        results.Should().HaveCount(2).And.OnlyContain(r => r.Outcome == "passed");
        Observations.Get("widgets").Should().BeEquivalentTo("2 True", "5 True");
    }
}
