using FluentAssertions;
using TrioTest.Testing;
using TrioTest.Tour.Sections;

namespace TrioTest.Tour.Tests.Sections;

public class CpuSectionTests
{
    /// <summary>Small enough to cost nothing; the claims are about the schedule, not the size of the work.</summary>
    private const long Count = 10_000;

    [Theory]
    [MemberData(nameof(Seeds.Several), MemberType = typeof(Seeds))]
    public void Run_AnySeed_EachChildRunsInASingleStep(ulong seed)
    {
        CpuResult result = CpuSection.Run(seed, Count);

        foreach (string child in CpuSection.Children)
        {
            result.Trace.OfTask(child).Count(static e => e.Kind == TraceEventKind.Step).Should().Be(1, "{0} has no checkpoint, so nothing can switch away from it", child);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds.Several), MemberType = typeof(Seeds))]
    public void Run_AnySeed_ChildrenDoNotInterleave(ulong seed)
    {
        CpuResult result = CpuSection.Run(seed, Count);

        string first = result.FirstChild!;
        string second = CpuSection.Children.Single(c => c != first);
        result.Trace.Should().HaveNoStepBetween(second, $"{first}:summing", $"{first}:done")
            .And.HavePointBefore($"{first}:done", $"{second}:summing");
        result.Trace.OfTask(first)[^1].Kind.Should().Be(TraceEventKind.Exit);
    }

    [Fact]
    public void Run_SomeSeeds_StartEitherChildFirst()
    {
        string?[] firsts = [.. Enumerable.Range(0, 16).Select(seed => CpuSection.Run((ulong)seed, Count).FirstChild)];

        firsts.Should().Contain("first").And.Contain("second", "the seed decides which child runs first; neither interleaves");
    }

    [Fact]
    public void Run_TakesNoVirtualTimeAndSumsRight()
    {
        CpuResult result = CpuSection.Run(TourArguments.DefaultSeed, Count);

        result.Nursery.VirtualTime.Should().Be(TimeSpan.Zero);
        result.Nursery.Error.Should().BeNull();
        result.Sums.Should().Equal(Count * (Count - 1) / 2, Count * (Count - 1) / 2);
        result.SynchronousTotal.Should().Be(Count * (Count - 1));
        result.Claims.Should().HaveCount(4).And.OnlyContain(c => c.Holds);
    }

    [Fact]
    public void Claims_InterleavedTrace_DoNotHold()
    {
        CpuResult real = CpuSection.Run(TourArguments.DefaultSeed, Count);
        var interleaved = new CheckpointTrace(
        [
            Step(1, "first"), Note(1, "first", "summing"), Checkpoint(1, "first"),
            Step(2, "second"), Note(2, "second", "summing"), Note(2, "second", "done"), Exit(2, "second"),
            Step(3, "first"), Note(3, "first", "done"), Exit(3, "first"),
        ]);

        CpuResult result = real with { Nursery = real.Nursery with { Trace = interleaved } };

        result.Claims[0].Holds.Should().BeFalse("first took two steps");
        result.Claims[1].Holds.Should().BeFalse("second ran between first's steps");
    }

    private static TraceEvent Step(long step, string task) => new(step, TimeSpan.Zero, $"main/{task}", task, TraceEventKind.Step, null, string.Empty);

    private static TraceEvent Note(long step, string task, string label) => new(step, TimeSpan.Zero, $"main/{task}", task, TraceEventKind.Note, label, string.Empty);

    private static TraceEvent Checkpoint(long step, string task) => new(step, TimeSpan.Zero, $"main/{task}", task, TraceEventKind.Checkpoint, null, string.Empty);

    private static TraceEvent Exit(long step, string task) => new(step, TimeSpan.Zero, $"main/{task}", task, TraceEventKind.Exit, null, string.Empty);
}
