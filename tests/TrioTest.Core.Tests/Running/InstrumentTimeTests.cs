namespace TrioTest.Core.Tests.Running;

/// <summary>
/// Which per-step hooks are dispatched (only those some installed instrument overrides) and the time events carry
/// (a real clock's step start inside a step; a virtual clock's time at each event).
/// </summary>
public sealed class InstrumentTimeTests
{
    /// <summary>Overrides the checkpoint hook only.</summary>
    private sealed class CheckpointTimes : Instrument
    {
        public List<TimeSpan> Times { get; } = [];

        public override void Checkpoint(in CheckpointEventArgs args) => Times.Add(args.Time);
    }

    /// <summary>Overrides the per-step hooks and the checkpoint hook.</summary>
    private sealed class StepTimes : Instrument
    {
        public List<(string Hook, TimeSpan Time)> Events { get; } = [];

        public override void BeforeTaskStep(in TaskEventArgs args) => Events.Add(("before", args.Time));

        public override void Checkpoint(in CheckpointEventArgs args) => Events.Add(("checkpoint", args.Time));

        public override void AfterTaskStep(in TaskEventArgs args) => Events.Add(("after", args.Time));
    }

    [Fact]
    public void AddInstrument_OverridingStepHooks_AfterOneThatDoesNot_GetsThem()
    {
        var checkpoints = new CheckpointTimes();
        var steps = new StepTimes();
        RunOptions options = VirtualRun.Options();
        options.Instruments.Add(checkpoints);

        Trio.Run(async () =>
        {
            await Trio.CheckpointAsync();
            Trio.AddInstrument(steps);
            await Trio.CheckpointAsync();
        }, options);

        Assert.Equal(2, checkpoints.Times.Count);
        Assert.Equal(["checkpoint", "after", "before", "after"], steps.Events.Select(static e => e.Hook));
    }

    [Fact]
    public void RealClock_EventsInsideAStep_CarryTheTimeTheStepBegan()
    {
        var steps = new StepTimes();
        var options = new RunOptions();
        options.Instruments.Add(steps);

        Trio.Run(async () =>
        {
            await Trio.CheckpointAsync();
            // Real time must pass inside the step, or a clock read at each event could not be told from the step's time.
            Thread.Sleep(2);
            await Trio.CheckpointAsync();
        }, options);

        // The second step begins, sleeps in real time, then checkpoints: its checkpoint carries the step's start time.
        int second = steps.Events.FindIndex(1, static e => e.Hook == "before");
        Assert.Equal("checkpoint", steps.Events[second + 1].Hook);
        Assert.Equal(steps.Events[second].Time, steps.Events[second + 1].Time);
    }

    [Fact]
    public void VirtualClock_JumpInsideAStep_IsSeenByTheStepsNextEvent()
    {
        var checkpoints = new CheckpointTimes();
        RunOptions options = VirtualRun.Options();
        options.Instruments.Add(checkpoints);

        Trio.Run(async () =>
        {
            ((VirtualClock)Trio.Clock).Jump(TimeSpan.FromSeconds(5));
            await Trio.CheckpointAsync();
        }, options);

        Assert.Equal([TimeSpan.FromSeconds(5)], checkpoints.Times);
    }
}
