namespace TrioTest.MSTest.Tests;

[TestClass]
public sealed class DataRowTests
{
    [TestMethod]
    public void DataRow_rows_are_explored_one_by_one_on_the_loop_and_fail_alone()
    {
        MSTestPipeline.One("Doubles (1,2)").Outcome.Should().Be("Passed");
        MSTestPipeline.One("Doubles (2,4)").Outcome.Should().Be("Passed");
        TrxResult failing = MSTestPipeline.One("Doubles (3,7)");

        failing.Outcome.Should().Be("Failed");
        failing.Message.Should().StartWith("TrioTest: AssertFailedException:");
        MSTestPipeline.One("Doubles (1,2)").Output.Should().StartWith("row: loop ");
    }

    [TestMethod]
    public void DynamicData_rows_run_with_virtual_time()
    {
        MSTestPipeline.One("Sleeps (1)").Outcome.Should().Be("Passed");
        MSTestPipeline.One("Sleeps (3)").Outcome.Should().Be("Passed");
    }
}
