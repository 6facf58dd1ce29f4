using FluentAssertions;
using TrioTest.Testing;
using TrioTest.Tour.Sections;

namespace TrioTest.Tour.Tests.Sections;

public class SchedulerSectionTests
{
    [Theory]
    [MemberData(nameof(Seeds.Several), MemberType = typeof(Seeds))]
    public void Run_AnySeed_ChildrenTakeTurnsAtEveryAwait(ulong seed)
    {
        SchedulerResult result = SchedulerSection.Run(seed);

        IReadOnlyList<string> order = SchedulerResult.CheckpointOrder(result.First.Trace);
        order.Should().HaveCount(9);
        order.Chunk(3).Select(static turn => string.Join(' ', turn.Order(StringComparer.Ordinal))).Should()
            .Equal(["a0 b0 c0", "a1 b1 c1", "a2 b2 c2"], "each child passes checkpoint i before any passes i+1 (seed {0}: {1})", seed, string.Join(' ', order));
        result.First.Error.Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(Seeds.Several), MemberType = typeof(Seeds))]
    public void Run_SameSeed_RepeatsTheTraceExactly(ulong seed)
    {
        SchedulerResult result = SchedulerSection.Run(seed);

        result.Again.Trace.ToCanonicalText().Should().Be(result.First.Trace.ToCanonicalText());
        result.Again.Trace.Hash.Should().Be(result.First.Trace.Hash);
    }

    [Theory]
    [MemberData(nameof(Seeds.Several), MemberType = typeof(Seeds))]
    public void Run_AnotherSeed_InterleavesThemDifferently(ulong seed)
    {
        SchedulerResult result = SchedulerSection.Run(seed);

        result.OtherSeed.Should().NotBe(seed);
        SchedulerResult.CheckpointOrder(result.Other.Trace).Should().NotEqual(SchedulerResult.CheckpointOrder(result.First.Trace));
        result.Other.Trace.Hash.Should().NotBe(result.First.Trace.Hash);
    }

    [Fact]
    public void Run_AnotherSeed_IsReplayableOnItsOwn()
    {
        SchedulerResult result = SchedulerSection.Run(TourArguments.DefaultSeed);

        SchedulerResult replay = SchedulerSection.Run(result.OtherSeed);

        replay.First.Trace.Hash.Should().Be(result.Other.Trace.Hash);
    }

    [Fact]
    public void Run_DefaultSeed_EveryClaimHolds()
    {
        SchedulerResult result = SchedulerSection.Run(TourArguments.DefaultSeed);

        result.Claims.Should().HaveCount(3).And.OnlyContain(c => c.Holds);
        result.Trace.Should().BeSameAs(result.First.Trace);
    }

    [Fact]
    public void TakesTurns_AChildPassingTwoCheckpointsInARow_IsFalse()
    {
        string[] labels = ["a0", "a1", "b0", "c0", "b1", "c1", "a2", "b2", "c2"];
        var trace = new CheckpointTrace(labels.Select((label, step) =>
            new TraceEvent(step, TimeSpan.Zero, $"main/{label[..1]}", label[..1], TraceEventKind.Checkpoint, label, string.Empty)));

        bool turns = SchedulerResult.TakesTurns(trace);

        turns.Should().BeFalse("a passed a1 before b and c passed their checkpoint 0");
    }
}
