using System.Threading.Channels;
using System.Threading.Tasks.Sources;
using TrioTest.Core.Tests.Running;

namespace TrioTest.Core.Tests.Nurseries;

/// <summary>
/// How the runner hears that a task's function ended (it awaits the function's Task as the function's caller would):
/// inside a step of that task whoever completes the Task, as an escape when it completes off the loop, and with what
/// the function threw.
/// </summary>
public sealed class TaskEndTests
{
    [Theory]
    [InlineData(TaskCreationOptions.None)]
    [InlineData(TaskCreationOptions.RunContinuationsAsynchronously)]
    public void FunctionCompletedByAnotherTask_EndsInAStepOfItsOwnTask(TaskCreationOptions creation)
    {
        var events = new List<string>();
        var escapes = new List<EscapeInfo>();
        RunOptions options = VirtualRun.Options();
        options.Instruments.Add(new StepAndExitLog(events));
        options.Instruments.Add(new EscapeRecorder(escapes));

        Trio.Run(() => Nursery.RunAsync(nursery =>
        {
            var done = new TaskCompletionSource(creation);
            nursery.StartSoon(() => done.Task, "waiting");
            nursery.StartSoon(async () =>
            {
                await Trio.CheckpointAsync();
                done.SetResult();
            }, "completing");
            return Task.CompletedTask;
        }), options);

        // The exit of "waiting" follows a step of its own, not the step of "completing" that completed its Task.
        int exit = events.IndexOf("exit main/waiting");
        Assert.True(exit > 0, string.Join(", ", events));
        Assert.Equal("step main/waiting", events[exit - 1]);
        Assert.Empty(escapes);
    }

    [Fact]
    public void FunctionCompletedOffTheLoop_EndsAsAnEscapeOfItsTask_AndTheRunGoesOn()
    {
        var escapes = new List<EscapeInfo>();
        RunOptions options = VirtualRun.Options();
        options.Instruments.Add(new EscapeRecorder(escapes));
        string? ended = null;

        Trio.Run(() => Nursery.RunAsync(nursery =>
        {
            var done = new TaskCompletionSource();
            nursery.StartSoon(() => done.Task, "waiting");
            nursery.StartSoon(async () =>
            {
                await Trio.CheckpointAsync();
                await Trio.ToThreadAsync(() => done.SetResult());
                ended = "after the thread";
            }, "completing");
            return Task.CompletedTask;
        }), options);

        Assert.Equal("after the thread", ended);
        Assert.Contains(escapes, escape => escape.Kind == EscapeKind.ForeignPost && escape.TaskPath == "main/waiting");
    }

    [Fact]
    public void ValueTaskFunctionThatIsASleep_EndsInAStepOfItsOwnTask_AtTheDeadline()
    {
        (TimeSpan endedAt, List<string> events) = RunNursery(nursery => nursery.StartSoon(() => Trio.SleepAsync(TimeSpan.FromHours(1)), "sleeper"));

        Assert.Equal(TimeSpan.FromHours(1), endedAt);
        AssertExitsInAStepOfItsOwn(events, "main/sleeper");
    }

    [Fact]
    public void ValueTaskFunctionThatIsAWaitCancelled_EndsWithTheCancellation_WhichItsNurseryAbsorbs()
    {
        (TimeSpan endedAt, List<string> events) = RunNursery(nursery =>
        {
            nursery.StartSoon(Trio.SleepForeverAsync, "forever");
            nursery.StartSoon(() => Trio.SleepAsync(TimeSpan.FromHours(1)), "sleeper");
            nursery.StartSoon(async () =>
            {
                await Trio.SleepAsync(TimeSpan.FromSeconds(1));
                nursery.CancelScope.Cancel();
            }, "canceller");
        });

        Assert.Equal(TimeSpan.FromSeconds(1), endedAt);
        AssertExitsInAStepOfItsOwn(events, "main/forever");
        AssertExitsInAStepOfItsOwn(events, "main/sleeper");
    }

    [Fact]
    public void ValueTaskFunctionThatIsAWait_WhoseTaskAlsoWaitsElsewhere_EndsWithTheFunction()
    {
        // The function starts a second wait of its task (a child's sleep) before it returns the wait it ends with.
        TimeSpan endedAt = TimeSpan.Zero;

        Trio.Run(async () =>
        {
            await Nursery.RunAsync(nursery =>
            {
                nursery.StartSoon(() =>
                {
                    ValueTask shorter = Trio.SleepAsync(TimeSpan.FromSeconds(1));
                    _ = shorter.AsTask();
                    return Trio.SleepAsync(TimeSpan.FromSeconds(5));
                }, "sleeper");
                return Task.CompletedTask;
            });
            endedAt = Trio.CurrentTime;
        }, VirtualRun.Options());

        Assert.Equal(TimeSpan.FromSeconds(5), endedAt);
    }

    [Fact]
    public void ValueTaskFunctionCompletedOffTheLoop_EndsAsAnEscapeOfItsTask_AndTheRunGoesOn()
    {
        var escapes = new List<EscapeInfo>();
        RunOptions options = VirtualRun.Options();
        options.Instruments.Add(new EscapeRecorder(escapes));
        var source = new ManualValueTaskSource();
        bool ended = false;

        Trio.Run(async () =>
        {
            await Nursery.RunAsync(nursery =>
            {
                nursery.StartSoon(() => source.Task, "waiting");
                nursery.StartSoon(async () =>
                {
                    await Trio.CheckpointAsync();
                    await Trio.ToThreadAsync(source.Complete);
                }, "completing");
                return Task.CompletedTask;
            });
            ended = true;
        }, options);

        Assert.True(ended);
        Assert.Contains(escapes, escape => escape.Kind == EscapeKind.ForeignPost && escape.TaskPath == "main/waiting");
    }

    [Fact]
    public void ValueTaskFunctionThatIsAYield_EndsInASecondStepOfItsOwnTask()
    {
        (_, List<string> events) = RunNursery(nursery =>
        {
            nursery.StartSoon(() => Trio.CheckpointAsync(), "yielder");
            nursery.StartSoon(() => Trio.CheckpointAsync(), "yielder");
        });

        foreach (string path in new[] { "main/yielder", "main/yielder#2" })
        {
            AssertExitsInAStepOfItsOwn(events, path);
            Assert.Equal(2, events.Count(e => e == $"step {path}"));
        }
    }

    [Fact]
    public void ValueTaskFunctionThatIsACheckpointInACancelledScope_EndsWithTheCancellation_WhichItsNurseryAbsorbs()
    {
        (_, List<string> events) = RunNursery(nursery =>
        {
            nursery.CancelScope.Cancel();
            nursery.StartSoon(() => Trio.CheckpointAsync(), "cancelled");
        });

        AssertExitsInAStepOfItsOwn(events, "main/cancelled");
    }

    [Fact]
    public void ValueTaskFunctionThatIsABclChannelWrite_EndsInAStepOfItsOwnTask_WithoutLeavingTheLoop()
    {
        // A full bounded channel's WriteAsync is a ValueTask over the channel's own source, which runs continuations
        // asynchronously: registered without the task's context, its completion would go through the thread pool.
        var events = new List<string>();
        var escapes = new List<EscapeInfo>();
        RunOptions options = VirtualRun.Options();
        options.Instruments.Add(new StepAndExitLog(events));
        options.Instruments.Add(new EscapeRecorder(escapes));
        Channel<int> channel = Channel.CreateBounded<int>(1);
        Assert.True(channel.Writer.TryWrite(0));
        var read = new List<int>();

        Trio.Run(() => Nursery.RunAsync(nursery =>
        {
            nursery.StartSoon(() => channel.Writer.WriteAsync(1), "writer");
            nursery.StartSoon(async () =>
            {
                await Trio.CheckpointAsync();
                read.Add(await channel.Reader.ReadAsync());
                read.Add(await channel.Reader.ReadAsync());
            }, "reader");
            return Task.CompletedTask;
        }), options);

        Assert.Equal([0, 1], read);
        Assert.Empty(escapes);
        AssertExitsInAStepOfItsOwn(events, "main/writer");
    }

    [Fact]
    public void ValueTaskFunctionWhoseSourceIgnoresTheContext_StillEndsItsOwnTask()
    {
        // The source runs its continuation inline, inside the completing task's step, whatever the awaiter asked for: the
        // end is still the waiting task's, not the task whose step it ran in.
        var source = new InlineValueTaskSource();
        bool completingWentOn = false;
        (_, List<string> events) = RunNursery(nursery =>
        {
            nursery.StartSoon(() => source.Task, "waiting");
            nursery.StartSoon(async () =>
            {
                await Trio.CheckpointAsync();
                source.Complete();
                await Trio.CheckpointAsync();
                completingWentOn = true;
            }, "completing");
        });

        Assert.True(completingWentOn);
        int waitingExit = events.IndexOf("exit main/waiting");
        int completingExit = events.IndexOf("exit main/completing");
        Assert.True(waitingExit >= 0 && waitingExit < completingExit, string.Join(", ", events));
        Assert.Contains("step main/completing", events.Skip(waitingExit + 1));
    }

    [Fact]
    public void ValueTaskFunctionThatFaultsAfterASleep_FailsTheNurseryWithThatException()
    {
        var thrown = new TimeoutException("after the sleep");

        var error = Assert.Throws<TimeoutException>(() => VirtualRun.Run(() => Nursery.RunAsync(nursery =>
        {
            nursery.StartSoon(async ValueTask () =>
            {
                await Trio.SleepAsync(TimeSpan.FromSeconds(1));
                throw thrown;
            }, "faulting");
            return Task.CompletedTask;
        })));

        Assert.Same(thrown, error);
    }

    [Fact]
    public void ValueTaskFunctionThatThrowsBeforeReturning_FailsTheNurseryWithThatException()
    {
        var thrown = new InvalidOperationException("thrown before any await");

        var error = Assert.Throws<InvalidOperationException>(() => VirtualRun.Run(() => Nursery.RunAsync(nursery =>
        {
            nursery.StartSoon(new Func<ValueTask>(() => throw thrown), "throwing");
            return Task.CompletedTask;
        })));

        Assert.Same(thrown, error);
    }

    [Fact]
    public void FunctionThatThrowsBeforeReturningATask_FailsTheNurseryWithThatException()
    {
        var thrown = new InvalidOperationException("thrown before any await");

        var error = Assert.Throws<InvalidOperationException>(() => VirtualRun.Run(() => Nursery.RunAsync(nursery =>
        {
            nursery.StartSoon(() => throw thrown, "throwing");
            return Task.CompletedTask;
        })));

        Assert.Same(thrown, error);
    }

    [Fact]
    public void FunctionReturningNull_FailsNamingStartSoon()
    {
        var error = Assert.Throws<InvalidOperationException>(() => VirtualRun.Run(() => Nursery.RunAsync(nursery =>
        {
            nursery.StartSoon(() => null!, "null");
            return Task.CompletedTask;
        })));

        Assert.Contains("Nursery.StartSoon", error.Message);
        Assert.Contains("null Task", error.Message);
    }

    [Fact]
    public void MainThatThrowsBeforeReturningATask_IsWhatRunThrows()
    {
        var thrown = new FormatException("main threw at once");

        var error = Assert.Throws<FormatException>(() => VirtualRun.Run(() => throw thrown));

        Assert.Same(thrown, error);
    }

    [Fact]
    public void Paths_NumberSiblingsOfOneName_AndExtendTheParentsPath()
    {
        var paths = new List<string>();

        VirtualRun.Run(() => Nursery.RunAsync(nursery =>
        {
            nursery.StartSoon(() => Record(paths), "w");
            nursery.StartSoon(() => Nursery.RunAsync(inner =>
            {
                paths.Add(Trio.CurrentTask.Path);
                inner.StartSoon(() => Record(paths), "y");
                inner.StartSoon(() => Record(paths), "y");
                return Task.CompletedTask;
            }), "w");
            nursery.StartSoon(() => Record(paths), "x");
            return Task.CompletedTask;
        }), strategy: ScheduleStrategy.Fifo);

        Assert.Equal(["main/w", "main/w#2", "main/x", "main/w#2/y", "main/w#2/y#2"], paths);
    }

    [Fact]
    public void AStaleCheckpointFromAnEarlierRun_CannotBeAwaitedInTheNext()
    {
        // Waiters outlive runs on a thread: the version token still tells a reused one from the one a ValueTask was made for.
        ValueTask stale = default;
        VirtualRun.Run(async () =>
        {
            stale = Trio.CheckpointAsync();
            await stale;
        });

        var error = Assert.Throws<InvalidOperationException>(() => VirtualRun.Run(async () =>
        {
            await Trio.CheckpointAsync();
            stale.GetAwaiter().GetResult();
        }));

        Assert.Contains("twice", error.Message);
    }

    private static Task Record(List<string> paths)
    {
        paths.Add(Trio.CurrentTask.Path);
        return Task.CompletedTask;
    }

    /// <summary>A <see cref="ValueTask"/> whose source is not the loop's, completed by whoever calls <see cref="Complete"/>.</summary>
    private sealed class ManualValueTaskSource : IValueTaskSource
    {
        private ManualResetValueTaskSourceCore<bool> _core;

        public ValueTask Task => new(this, _core.Version);

        public void Complete() => _core.SetResult(true);

        public void GetResult(short token) => _core.GetResult(token);

        public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

        public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
            _core.OnCompleted(continuation, state, token, flags);
    }

    /// <summary>A <see cref="ValueTask"/> source that runs its continuation inside <see cref="Complete"/>, ignoring the scheduling context.</summary>
    private sealed class InlineValueTaskSource : IValueTaskSource
    {
        private Action<object?>? _continuation;
        private object? _state;
        private bool _completed;

        public ValueTask Task => new(this, 0);

        public void Complete()
        {
            _completed = true;
            _continuation?.Invoke(_state);
        }

        public void GetResult(short token)
        {
        }

        public ValueTaskSourceStatus GetStatus(short token) => _completed ? ValueTaskSourceStatus.Succeeded : ValueTaskSourceStatus.Pending;

        public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
        {
            _continuation = continuation;
            _state = state;
        }
    }

    /// <summary>Runs a nursery whose children <paramref name="start"/> starts; returns when it ended and each step and exit, in order.</summary>
    private static (TimeSpan EndedAt, List<string> Events) RunNursery(Action<Nursery> start)
    {
        var events = new List<string>();
        RunOptions options = VirtualRun.Options();
        options.Instruments.Add(new StepAndExitLog(events));
        TimeSpan endedAt = TimeSpan.Zero;
        Trio.Run(async () =>
        {
            await Nursery.RunAsync(nursery =>
            {
                start(nursery);
                return Task.CompletedTask;
            });
            endedAt = Trio.CurrentTime;
        }, options);
        return (endedAt, events);
    }

    /// <summary>Asserts that <paramref name="path"/> exited inside a step of its own.</summary>
    private static void AssertExitsInAStepOfItsOwn(List<string> events, string path)
    {
        int exit = events.IndexOf($"exit {path}");
        Assert.True(exit > 0, string.Join(", ", events));
        Assert.Equal($"step {path}", events[exit - 1]);
    }

    /// <summary>Logs each step's task and each exit, in order.</summary>
    private sealed class StepAndExitLog(List<string> events) : Instrument
    {
        public override void BeforeTaskStep(in TaskEventArgs args) => events.Add($"step {args.Task.Path}");

        public override void TaskExited(in TaskEventArgs args) => events.Add($"exit {args.Task.Path}");
    }
}
