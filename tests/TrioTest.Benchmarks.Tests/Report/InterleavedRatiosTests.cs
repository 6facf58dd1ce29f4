using TrioTest.Benchmarks.Report;

namespace TrioTest.Benchmarks.Tests.Report;

public class InterleavedRatiosTests
{
    [Fact]
    public void Summarize_UnsortedRatios_GivesTheMedianAndTheQuartilesByNearestRank()
    {
        (double median, double lower, double upper) = InterleavedRatios.Summarize([1.9, 1.1, 1.5, 1.3, 1.7, 1.2, 1.8, 1.4, 1.6, 1.0, 2.0]);

        Assert.Equal(1.5, median);
        Assert.Equal(1.2, lower);
        Assert.Equal(1.8, upper);
    }

    [Fact]
    public void Summarize_OneRound_IsThatRoundEverywhere()
    {
        Assert.Equal((3.0, 3.0, 3.0), InterleavedRatios.Summarize([3.0]));
    }

    [Fact]
    public void Summarize_NoRounds_Throws()
    {
        Assert.Throws<ArgumentException>(() => InterleavedRatios.Summarize([]));
    }

    [Fact]
    public void Bind_EveryRatioGoal_FindsItsClassParametersAndBothMethods()
    {
        foreach (Goal goal in Goals.All.Where(static g => g.Kind != GoalKind.AllocationAtMost))
        {
            (object instance, var subject, var baseline) = InterleavedRatios.Bind(goal);

            Assert.Equal(goal.Type, instance.GetType().Name);
            Assert.Equal(goal.Subject, subject.Name);
            Assert.Equal(goal.Baseline, baseline.Name);
        }
    }

    [Fact]
    public void Bind_AParameterTheClassDoesNotHave_SaysWhichOne()
    {
        Goal goal = Goals.All.First(static g => g.Type == nameof(TaskBenchmarks)) with { Parameters = "Tasks=10" };

        var error = Assert.Throws<InvalidOperationException>(() => InterleavedRatios.Bind(goal));

        Assert.Contains("no parameter Tasks", error.Message);
    }

    [Fact]
    public void NotInterleaved_FillsTheRowToTheHeadersCells()
    {
        static int Cells(string row) => row.Count(static c => c == '|') - 1;
        string row = $"| a goal | 2.00x | {InterleavedRatios.NotInterleaved("too slow")} |";

        Assert.Equal(Cells(InterleavedRatios.Header), Cells(row));
    }

    [Fact]
    public void TimerParts_EachRunsToTheEnd_AndTheLastIsTheGoalsOwnCase()
    {
        IReadOnlyList<(string Part, Action Run)> parts = TimerBenchmarks.Parts(TimerBenchmarks.Deadlines(100));

        foreach ((_, Action run) in parts)
        {
            run();
        }

        Assert.Equal(4, parts.Select(static p => p.Part).Distinct().Count());
        Assert.Contains("no timer", parts[0].Part);
        Assert.Contains("the goal's own case", parts[^1].Part);
    }

    [Fact]
    public void TimerPartsHeader_HasAPartCellAndTheCellsOfAMeasuredRow()
    {
        static int Cells(string row) => row.Count(static c => c == '|') - 1;

        Assert.Equal(Cells(InterleavedRatios.Header) - 1, Cells(InterleavedRatios.TimerPartsHeader));
    }
}
