using TrioTest.Benchmarks.Report;

namespace TrioTest.Benchmarks.Tests.Report;

public class WallTimesTests
{
    [Fact]
    public void Evaluate_RatioOfMedians_DecidesTheGoal()
    {
        WallTimes times = WallTimes.Parse(["subject 11", "baseline 10", "subject 12", "baseline 9", "subject 30", "baseline 10"]);

        GoalOutcome outcome = times.Evaluate(1.2);

        Assert.True(outcome.Met, outcome.Result);
        Assert.StartsWith("1.20x", outcome.Result, StringComparison.Ordinal);
    }

    [Fact]
    public void Median_EvenCount_IsMeanOfMiddleTwo()
    {
        double median = WallTimes.Median([4, 1, 3, 2]);

        Assert.Equal(2.5, median);
    }

    [Fact]
    public void Parse_UnknownLine_Throws()
    {
        Assert.Throws<FormatException>(() => WallTimes.Parse(["other 1"]));
    }

    [Fact]
    public void Evaluate_NoTimes_IsNotMeasured()
    {
        GoalOutcome outcome = WallTimes.Parse([]).Evaluate(1.2);

        Assert.False(outcome.Measured);
    }
}
