using TrioTest.Benchmarks.Report;

namespace TrioTest.Benchmarks.Tests.Report;

public class AdapterWallTimesTests
{
    [Fact]
    public void Parse_GroupsTheRunsByFramework_InTheFilesOrder()
    {
        AdapterWallTimes times = AdapterWallTimes.Parse(["mstest subject 3", "mstest baseline 2", "tunit subject 1.1", "tunit baseline 1", "mstest subject 3", "mstest baseline 2"]);

        Assert.Equal(["mstest", "tunit"], times.Frameworks.Select(f => f.Framework));
        Assert.False(times.Frameworks[0].Times.Evaluate(AdapterWallTimes.Bound).Met, "3 s against 2 s is 1.5x");
        Assert.True(times.Frameworks[1].Times.Evaluate(AdapterWallTimes.Bound).Met, "1.1 s against 1 s is 1.1x");
    }

    [Fact]
    public void Parse_ALineWithoutItsFramework_IsAFormatException()
    {
        Assert.Throws<FormatException>(() => AdapterWallTimes.Parse(["subject 1"]));
        Assert.Throws<FormatException>(() => AdapterWallTimes.Parse(["mstest other 1"]));
    }
}
