using FluentAssertions;
using TrioTest.Testing;
using TrioTest.Tour.Sections;

namespace TrioTest.Tour.Tests.Sections;

public class ErrorsSectionTests
{
    [Theory]
    [MemberData(nameof(Seeds.Several), MemberType = typeof(Seeds))]
    public void Run_OneFailure_ReachesTheParentAsItselfAtOneSecond(ulong seed)
    {
        ErrorsResult result = ErrorsSection.Run(seed);

        result.One.Error.Should().BeOfType<InvalidOperationException>().Which.Message.Should().Be("the database is down");
        result.One.VirtualTime.Should().Be(TimeSpan.FromSeconds(1));
    }

    [Theory]
    [MemberData(nameof(Seeds.Several), MemberType = typeof(Seeds))]
    public void Run_OneFailure_BlockedSleeperIsCancelledInItsSleep(ulong seed)
    {
        ErrorsResult result = ErrorsSection.Run(seed);

        IReadOnlyList<TraceEvent> sleeper = result.Trace.OfTask("sleeper");
        sleeper.Where(static e => e.Kind != TraceEventKind.Step).Select(static e => (e.Kind, e.Time)).Should().Equal(
            (TraceEventKind.Spawn, TimeSpan.Zero),
            (TraceEventKind.Wait, TimeSpan.Zero),
            (TraceEventKind.Cancel, TimeSpan.FromSeconds(1)),
            (TraceEventKind.Exit, TimeSpan.FromSeconds(1)));
        result.Trace.Should().NotContain(e => e.TaskName == "sleeper" && e.Label == "woke up");
    }

    [Theory]
    [MemberData(nameof(Seeds.Several), MemberType = typeof(Seeds))]
    public void Run_OneFailure_WorkerIsCancelledAtItsCheckpointAndNeverStartsRoundOne(ulong seed)
    {
        ErrorsResult result = ErrorsSection.Run(seed);

        result.WorkerAfterNap.Select(static e => (e.Kind, e.Label is null || e.Kind == TraceEventKind.Cancel ? null : e.Label)).Should().Equal(
            (TraceEventKind.Note, "round 0"),
            (TraceEventKind.Checkpoint, "round 0 done"),
            (TraceEventKind.Cancel, null),
            (TraceEventKind.Exit, null));
        result.Trace.GetPoints().Should().NotContain("worker:round 1");
    }

    [Fact]
    public void Run_SomeSeeds_FailFirstAndSomeRunTheWorkerFirst()
    {
        bool[] workerFirst = [.. Enumerable.Range(0, 16).Select(static seed => ErrorsSection.Run((ulong)seed)).Select(static r => r.WorkerCheckpointIndex < r.FailureIndex)];

        workerFirst.Should().Contain(true).And.Contain(false, "the claim must be seen in both orders: worker waiting at its checkpoint, and worker running on to it");
    }

    [Theory]
    [MemberData(nameof(Seeds.Several), MemberType = typeof(Seeds))]
    public void Run_TwoFailures_ArriveTogetherInANurseryException(ulong seed)
    {
        ErrorsResult result = ErrorsSection.Run(seed);

        result.Two.Error.Should().BeOfType<NurseryException>()
            .Which.InnerExceptions.Select(static e => e.Message).Should().BeEquivalentTo(["x failed", "y failed"]);
        result.Two.VirtualTime.Should().Be(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Run_DefaultSeed_EveryClaimHolds()
    {
        ErrorsResult result = ErrorsSection.Run(TourArguments.DefaultSeed);

        result.Claims.Should().HaveCount(5).And.OnlyContain(c => c.Holds);
    }

    [Fact]
    public void Claims_WorkerThatStartedRoundOne_DoesNotHold()
    {
        ErrorsResult real = ErrorsSection.Run(TourArguments.DefaultSeed);
        TimeSpan second = TimeSpan.FromSeconds(1);
        var trace = new CheckpointTrace(
        [
            .. real.Trace.Where(static e => e.TaskName != "worker"),
            new TraceEvent(10, second, "main/worker", "worker", TraceEventKind.Note, "round 0", string.Empty),
            new TraceEvent(10, second, "main/worker", "worker", TraceEventKind.Checkpoint, "round 0 done", string.Empty),
            new TraceEvent(11, second, "main/worker", "worker", TraceEventKind.Note, "round 1", string.Empty),
            new TraceEvent(11, second, "main/worker", "worker", TraceEventKind.Cancel, "cancelled", string.Empty),
            new TraceEvent(11, second, "main/worker", "worker", TraceEventKind.Exit, null, string.Empty),
        ]);

        ErrorsResult result = real with { One = real.One with { Trace = trace } };

        result.Claims[2].Holds.Should().BeFalse("the worker went on to round 1 after the failure");
    }
}
