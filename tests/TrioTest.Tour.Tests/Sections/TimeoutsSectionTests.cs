using FluentAssertions;
using TrioTest.Testing;
using TrioTest.Tour.Sections;

namespace TrioTest.Tour.Tests.Sections;

public class TimeoutsSectionTests
{
    [Theory]
    [MemberData(nameof(Seeds.Several), MemberType = typeof(Seeds))]
    public void Run_MoveOnAfterTenSecondsAroundTwenty_EndsAtExactlyTenSecondsVirtual(ulong seed)
    {
        TimeoutsResult result = TimeoutsSection.Run(seed);

        result.Run.Error.Should().BeNull();
        result.SleepFinished.Should().BeFalse();
        result.Run.VirtualTime.Should().Be(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Run_Trace_OneJumpToTheDeadlineThenTheCancellation()
    {
        TimeoutsResult result = TimeoutsSection.Run(TourArguments.DefaultSeed);

        result.Jumps.Should().Equal(TimeSpan.FromSeconds(10));
        result.Trace.Where(static e => e.Kind != TraceEventKind.Step).Select(static e => (e.Kind, e.Time)).Should().Equal(
            (TraceEventKind.Spawn, TimeSpan.Zero),
            (TraceEventKind.Wait, TimeSpan.Zero),
            (TraceEventKind.Jump, TimeSpan.FromSeconds(10)),
            (TraceEventKind.Cancel, TimeSpan.FromSeconds(10)),
            (TraceEventKind.Exit, TimeSpan.FromSeconds(10)));
        result.Trace.Should().ContainPoint("main:sleep 20 s");
    }

    [Fact]
    public void Run_DefaultSeed_EveryClaimHolds()
    {
        TimeoutsResult result = TimeoutsSection.Run(TourArguments.DefaultSeed);

        result.Claims.Should().HaveCount(4).And.OnlyContain(c => c.Holds);
    }

    [Fact]
    public void Claims_SleepThatFinished_DoNotHold()
    {
        TimeoutsResult real = TimeoutsSection.Run(TourArguments.DefaultSeed);

        TimeoutsResult result = real with { SleepFinished = true, Run = real.Run with { VirtualTime = TimeSpan.FromSeconds(20) } };

        result.Claims[0].Holds.Should().BeFalse();
        result.Claims[2].Holds.Should().BeFalse();
    }
}
