namespace TrioTest.Core.Tests.Running;

public sealed class InstrumentTests
{
    [Fact]
    public void ChildDoingCheckpoints_ProducesTriosHookSequence()
    {
        var recorder = new Recorder("main/child");
        RunOptions options = VirtualRun.Options();
        options.Instruments.Add(recorder);

        Trio.Run(() => Nursery.RunAsync(nursery =>
        {
            nursery.StartSoon(async () =>
            {
                await Trio.CheckpointAsync();
                await Trio.CheckpointAsync();
            }, "child");
            return Task.CompletedTask;
        }), options);

        Assert.Equal(
            ["spawned", "scheduled",
             "before", "checkpoint", "scheduled", "after",
             "before", "checkpoint", "scheduled", "after",
             "before", "exited", "after"],
            recorder.Events);
        Assert.Equal(["before run", "after run"], recorder.RunEvents);
    }

    [Fact]
    public void ThrowingInstrument_IsRemovedAndReported_AndTheRunGoesOn()
    {
        var log = new StringWriter();
        var healthy = new Recorder("main");
        RunOptions options = VirtualRun.Options();
        options.Instruments.Add(new Throwing());
        options.Instruments.Add(healthy);
        options.Log = log;

        int result = Trio.Run(async () =>
        {
            await Trio.CheckpointAsync();
            return 3;
        }, options);

        Assert.Equal(3, result);
        Assert.Contains("exception raised when calling TaskSpawned on instrument", log.ToString());
        Assert.Contains("Instrument has been disabled", log.ToString());
        Assert.Contains("exited", healthy.Events);

        // The instrument after the throwing one still heard the event the throw happened in.
        Assert.Equal("spawned", healthy.Events[0]);
    }

    [Fact]
    public void AHookOverriddenByABaseClass_IsDispatched_AndOnlyTheHooksSomeoneOverridesAre()
    {
        var inherited = new InheritsCheckpointHook();
        var runOnly = new RunOnly();
        RunOptions options = VirtualRun.Options();
        options.Instruments.Add(inherited);
        options.Instruments.Add(runOnly);

        Trio.Run(async () =>
        {
            await Trio.CheckpointAsync("first");
            await Trio.CheckpointAsync("second");
        }, options);

        Assert.Equal(["first", "second"], inherited.Labels);
        Assert.Equal(["before run", "after run"], runOnly.Events);
    }

    [Fact]
    public void AnInstrumentAddedByAHook_HearsFromTheNextEventOn()
    {
        var late = new Recorder("main");
        var adding = new AddsOnFirstCheckpoint(late);
        RunOptions options = VirtualRun.Options();
        options.Instruments.Add(adding);

        Trio.Run(async () =>
        {
            await Trio.CheckpointAsync();
            await Trio.CheckpointAsync();
        }, options);

        // Added during the first checkpoint's dispatch: not called for it, called for everything after.
        Assert.Equal(["scheduled", "after", "before", "checkpoint", "scheduled", "after", "before", "exited", "after"], late.Events);
    }

    [Fact]
    public void AddAndRemoveInstrument_DuringARun()
    {
        var recorder = new Recorder("main");

        VirtualRun.Run(async () =>
        {
            Trio.AddInstrument(recorder);
            Trio.AddInstrument(recorder);
            await Trio.CheckpointAsync();
            Assert.True(Trio.RemoveInstrument(recorder));
            Assert.False(Trio.RemoveInstrument(recorder));
            await Trio.CheckpointAsync();
        });

        Assert.Equal(["checkpoint", "scheduled", "before"], recorder.Events);
    }

    [Fact]
    public void Autojump_IsReportedAsAClockJump()
    {
        var jumps = new JumpRecorder();
        RunOptions options = VirtualRun.Options();
        options.Instruments.Add(jumps);

        Trio.Run(async () =>
        {
            await Trio.SleepAsync(TimeSpan.FromSeconds(3));
            await Trio.SleepAsync(TimeSpan.FromSeconds(4));
        }, options);

        Assert.Equal([(TimeSpan.Zero, TimeSpan.FromSeconds(3)), (TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(7))], jumps.Jumps);
    }

    private sealed class Recorder(string path) : Instrument
    {
        public List<string> Events { get; } = [];

        public List<string> RunEvents { get; } = [];

        public override void BeforeRun(in RunEventArgs args) => RunEvents.Add("before run");

        public override void AfterRun(in RunEventArgs args) => RunEvents.Add("after run");

        public override void TaskSpawned(in TaskEventArgs args) => Add(args.Task, "spawned");

        public override void TaskScheduled(in TaskEventArgs args) => Add(args.Task, "scheduled");

        public override void BeforeTaskStep(in TaskEventArgs args) => Add(args.Task, "before");

        public override void AfterTaskStep(in TaskEventArgs args) => Add(args.Task, "after");

        public override void TaskExited(in TaskEventArgs args) => Add(args.Task, "exited");

        public override void Checkpoint(in CheckpointEventArgs args) => Add(args.Task, "checkpoint");

        private void Add(TrioTask task, string kind)
        {
            if (task.Path == path)
            {
                Events.Add(kind);
            }
        }
    }

    private class CheckpointLabels : Instrument
    {
        public List<string?> Labels { get; } = [];

        public override void Checkpoint(in CheckpointEventArgs args) => Labels.Add(args.Location.Label);
    }

    private sealed class InheritsCheckpointHook : CheckpointLabels
    {
    }

    private sealed class RunOnly : Instrument
    {
        public List<string> Events { get; } = [];

        public override void BeforeRun(in RunEventArgs args) => Events.Add("before run");

        public override void AfterRun(in RunEventArgs args) => Events.Add("after run");
    }

    private sealed class AddsOnFirstCheckpoint(Instrument toAdd) : Instrument
    {
        public override void Checkpoint(in CheckpointEventArgs args) => Trio.AddInstrument(toAdd);
    }

    private sealed class Throwing : Instrument
    {
        public override void TaskSpawned(in TaskEventArgs args) => throw new InvalidOperationException("broken instrument");

        public override string ToString() => "Throwing";
    }

    private sealed class JumpRecorder : Instrument
    {
        public List<(TimeSpan, TimeSpan)> Jumps { get; } = [];

        public override void ClockJumped(in ClockJumpEventArgs args) => Jumps.Add((args.From, args.To));
    }
}
