using FluentAssertions;

namespace TrioTest.Testing.Tests.Tracing;

/// <summary>
/// The recorder keeps compact records (interned names and call sites) and builds the public events only when a trace is
/// read: the events must be exactly those built from each hook's arguments, in order, as the recorder did before.
/// </summary>
public class TraceRecordTests
{
    /// <summary>Builds each event from its hook's arguments directly, the plain way (user call sites only).</summary>
    private sealed class PlainRecorder : Instrument
    {
        public List<TraceEvent> Events { get; } = [];

        public override void TaskSpawned(in TaskEventArgs args) => Task(args, TraceEventKind.Spawn, args.Task.Name);

        public override void BeforeTaskStep(in TaskEventArgs args) => Task(args, TraceEventKind.Step, null);

        public override void TaskExited(in TaskEventArgs args) => Task(args, TraceEventKind.Exit, null);

        public override void Checkpoint(in CheckpointEventArgs args) => Events.Add(new TraceEvent(
            args.Step, args.Time, args.Task.Path, args.Task.Name, args.Location.Kind == CheckpointKind.Wait ? TraceEventKind.Wait : TraceEventKind.Checkpoint,
            args.Location.Label, $"{Path.GetFileName(args.Location.FilePath)}:{args.Location.Line}"));

        public override void TaskUnparked(in UnparkEventArgs args) =>
            Events.Add(new TraceEvent(args.Step, args.Time, args.Task.Path, args.Task.Name, TraceEventKind.Wake, args.Primitive, string.Empty));

        public override void CancelDelivered(in CancelEventArgs args) =>
            Events.Add(new TraceEvent(args.Step, args.Time, args.Task.Path, args.Task.Name, TraceEventKind.Cancel, args.Reason.ToString(), string.Empty));

        public override void Note(in NoteEventArgs args) => Events.Add(new TraceEvent(
            args.Step, args.Time, args.Task.Path, args.Task.Name, TraceEventKind.Note, args.Text, $"{Path.GetFileName(args.FilePath)}:{args.Line}"));

        public override void ClockJumped(in ClockJumpEventArgs args) => Events.Add(new TraceEvent(
            Events.Count == 0 ? 0 : Events[^1].Step, args.To, "(clock)", "(clock)", TraceEventKind.Jump, $"from {args.From:hh\\:mm\\:ss\\.fff}", string.Empty));

        private void Task(in TaskEventArgs args, TraceEventKind kind, string? label) =>
            Events.Add(new TraceEvent(args.Step, args.Time, args.Task.Path, args.Task.Name, kind, label, string.Empty));
    }

    /// <summary>Three tasks that checkpoint with and without labels, sleep, wait on a lock, leave notes and get cancelled.</summary>
    private static Task BodyAsync() => Nursery.RunAsync(async nursery =>
    {
        var gate = new AsyncLock();
        foreach (string name in new[] { "a", "b", "a" })
        {
            nursery.StartSoon(async () =>
            {
                for (int i = 0; i < 3; i++)
                {
                    await Trio.CheckpointAsync(i == 1 ? null : $"{name}{i}");
                    using (await gate.LockAsync())
                    {
                        await Trio.SleepAsync(TimeSpan.FromMilliseconds(5));
                    }

                    Trio.Note($"{name} did {i}");
                }
            }, name);
        }

        nursery.StartSoon(() => Trio.SleepForeverAsync("forever").AsTask(), "sleeper");
        await Trio.SleepAsync(TimeSpan.FromSeconds(1));
        nursery.CancelScope.Cancel();
    });

    private static (CheckpointTrace Recorded, List<TraceEvent> Plain) Record(ulong seed, TraceRecorder? recorder = null)
    {
        recorder ??= new TraceRecorder();
        var plain = new PlainRecorder();
        RunOptions options = VirtualRun.Options(seed, new RandomStrategy());
        options.Instruments.Add(recorder);
        options.Instruments.Add(plain);
        Trio.Run(BodyAsync, options);
        return (recorder.GetTrace(), plain.Events);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void GetTrace_EveryKindOfEvent_EqualsTheEventsBuiltFromTheHooks(ulong seed)
    {
        (CheckpointTrace recorded, List<TraceEvent> plain) = Record(seed);

        recorded.Should().Equal(plain);
        recorded.ToCanonicalText().Should().Be(new CheckpointTrace(plain.ToArray()).ToCanonicalText());
        recorded.Select(static e => e.Kind).Should().Contain([TraceEventKind.Spawn, TraceEventKind.Step, TraceEventKind.Checkpoint, TraceEventKind.Wait,
            TraceEventKind.Wake, TraceEventKind.Cancel, TraceEventKind.Exit, TraceEventKind.Note, TraceEventKind.Jump]);
    }

    [Fact]
    public void GetTrace_RecorderClearedAndReused_EqualsAFreshRecorder()
    {
        var reused = new TraceRecorder();
        Record(5, reused);
        reused.Clear();

        (CheckpointTrace second, List<TraceEvent> plain) = Record(6, reused);

        second.Should().Equal(plain);
        second.Hash.Should().Be(Record(6).Recorded.Hash);
    }

    [Theory]
    [InlineData("a/x", "b/x", "main/b/x")] // the same task id and name under another parent
    [InlineData("a/x", "a/y", "main/a/y")] // another name
    [InlineData("x x", "y x", "main/x")] // the same name and parent, another ordinal: main/x#2, then main/x
    public void GetTrace_RecorderClearedAndReused_NamesEachRunsTasksByTheirOwnPaths(string firstShape, string secondShape, string secondPath)
    {
        var recorder = new TraceRecorder();
        string[] first = Paths(recorder, firstShape);
        recorder.Clear();

        string[] second = Paths(recorder, secondShape);

        second.Should().Equal(Paths(new TraceRecorder(), secondShape)).And.Contain(secondPath);
        first.Should().NotEqual(second);

        // "p/c": main spawns p, which spawns c; "a b": main spawns a, then b.
        static string[] Paths(TraceRecorder recorder, string shape)
        {
            RunOptions options = VirtualRun.Options();
            options.Instruments.Add(recorder);
            Trio.Run(() => Nursery.RunAsync(outer =>
            {
                foreach (string task in shape.Split(' '))
                {
                    string[] names = task.Split('/');
                    outer.StartSoon(
                        () => names.Length == 1 ? Trio.CheckpointAsync().AsTask() : Nursery.RunAsync(inner =>
                        {
                            inner.StartSoon(() => Trio.CheckpointAsync().AsTask(), names[1]);
                            return Task.CompletedTask;
                        }),
                        names[0]);
                }

                return Task.CompletedTask;
            }), options);
            return [.. recorder.GetTrace().Select(static e => e.Task).Distinct()];
        }
    }

    [Fact]
    public void GetTrace_RecorderNotCleared_KeepsBothRunsWithTheirOwnNames()
    {
        var recorder = new TraceRecorder();
        List<TraceEvent> first = Record(7, recorder).Plain;

        (CheckpointTrace both, List<TraceEvent> second) = Record(8, recorder);

        both.Should().Equal(first.Concat(second));
    }
}
