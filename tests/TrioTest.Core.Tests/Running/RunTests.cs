using System.Runtime.CompilerServices;

namespace TrioTest.Core.Tests.Running;

public sealed class RunTests
{
    [Fact]
    public void Run_ReturnsMainsResult()
    {
        int result = VirtualRun.Run(async () =>
        {
            await Trio.CheckpointAsync();
            return 42;
        });

        Assert.Equal(42, result);
    }

    [Fact]
    public void Run_RunsEveryStepOnTheCallingThread()
    {
        int callingThread = Environment.CurrentManagedThreadId;
        var threads = new List<int>();

        VirtualRun.Run(async () =>
        {
            threads.Add(Environment.CurrentManagedThreadId);
            await Trio.SleepAsync(TimeSpan.FromSeconds(1));
            threads.Add(Environment.CurrentManagedThreadId);
            await Task.Yield();
            threads.Add(Environment.CurrentManagedThreadId);
        });

        Assert.All(threads, thread => Assert.Equal(callingThread, thread));
        Assert.Equal(3, threads.Count);
    }

    [Fact]
    public void Run_RethrowsMainsExceptionAsItselfWithItsStack()
    {
        var error = Assert.Throws<InvalidOperationException>(() => VirtualRun.Run(ThrowAfterACheckpointAsync));

        Assert.Equal("boom", error.Message);
        Assert.Contains(nameof(ThrowAfterACheckpointAsync), error.StackTrace);
    }

    [Fact]
    public void Run_RestoresTheCallersSynchronizationContext()
    {
        SynchronizationContext? before = SynchronizationContext.Current;

        VirtualRun.Run(() => Trio.CheckpointAsync().AsTask());

        Assert.Same(before, SynchronizationContext.Current);
    }

    [Fact]
    public void EachTasksSteps_RunWithThatTaskAsTheSynchronizationContext_AndAPostBecomesAStepOfIt()
    {
        var log = new List<string>();

        VirtualRun.Run(() => Nursery.RunAsync(nursery =>
        {
            foreach (string name in new[] { "a", "b" })
            {
                nursery.StartSoon(async () =>
                {
                    Assert.Same(Trio.CurrentTask, SynchronizationContext.Current);
                    await Trio.CheckpointAsync();
                    Assert.Same(Trio.CurrentTask, SynchronizationContext.Current);
                }, name);
            }

            TrioTask main = Trio.CurrentTask;
            TrioTask first = nursery.ChildTasks[0];

            // Posted from main's step, to the first child: it runs later, as a step of that child.
            first.Post(_ => log.Add($"{Trio.CurrentTask.Path} with context {((TrioTask)SynchronizationContext.Current!).Path}"), null);
            log.Add($"posted from {main.Path}");
            return Task.CompletedTask;
        }));

        Assert.Equal(["posted from main", "main/a with context main/a"], log);
    }

    [Fact]
    public void Run_NullMain_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => Trio.Run((Func<Task>)null!));
        Assert.Throws<ArgumentNullException>(() => Trio.Run((Func<Task<int>>)null!));
    }

    [Fact]
    public void Run_MainReturningNullTask_SaysWhatToReturn()
    {
        var error = Assert.Throws<InvalidOperationException>(() => VirtualRun.Run(() => null!));

        Assert.Contains("returned a null Task", error.Message);
    }

    [Fact]
    public void Run_InsideARun_ThrowsAndTheOuterRunGoesOn()
    {
        InvalidOperationException? nested = null;

        int result = VirtualRun.Run(async () =>
        {
            nested = Assert.Throws<InvalidOperationException>(() => Trio.Run(() => Task.CompletedTask));
            await Trio.SleepAsync(TimeSpan.FromSeconds(1));
            return 7;
        });

        Assert.Contains("cannot nest", nested!.Message);
        Assert.Equal(7, result);
    }

    [Fact]
    public void Run_ReusingAClock_ThrowsAndNamesTheFix()
    {
        var clock = new VirtualClock(TimeSpan.Zero);
        Trio.Run(() => Task.CompletedTask, new RunOptions { Clock = clock });

        var error = Assert.Throws<InvalidOperationException>(() => Trio.Run(() => Task.CompletedTask, new RunOptions { Clock = clock }));

        Assert.Contains("create a new one for each run", error.Message);
    }

    [Fact]
    public void Run_WithTheSystemClock_SleepsInRealTime()
    {
        TimeSpan measured = Trio.Run(async () =>
        {
            await Trio.SleepAsync(TimeSpan.FromMilliseconds(20));
            return Trio.CurrentTime;
        });

        Assert.True(measured >= TimeSpan.FromMilliseconds(20), $"slept {measured}");
    }

    [Fact]
    public void AmbientApi_OutsideARun_ThrowsAndSaysWhereItWorks()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Trio.CurrentTime);

        Assert.Contains("only be used inside Trio.Run", error.Message);
        Assert.False(Trio.IsInRun);
    }

    [Fact]
    public void AsyncVoidException_EndsTheRunWithAClearMessage()
    {
        var error = Assert.Throws<InvalidOperationException>(() => VirtualRun.Run(async () =>
        {
            FireAndForget();
            await Trio.SleepAsync(TimeSpan.FromSeconds(1));
        }));

        Assert.Contains("async void", error.Message);
        Assert.IsType<ArithmeticException>(error.InnerException);
    }

    [Fact]
    public void GetStatistics_CountsTasksStepsAndDeadlines()
    {
        RunStatistics inside = default;

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            nursery.StartSoon(() => Trio.SleepAsync(TimeSpan.FromSeconds(5)).AsTask(), "sleeper");
            await Trio.CheckpointAsync();
            await Trio.CheckpointAsync();
            inside = Trio.GetStatistics();
        }));

        Assert.Equal(2, inside.TasksLiving);
        Assert.Equal(TimeSpan.FromSeconds(5), inside.TimeToNextDeadline);
        Assert.True(inside.StepsRun >= 3);
        Assert.Equal(0, inside.ExternalWorkInFlight);
    }

    [Fact]
    public void CurrentTask_InMain_IsNamedMain()
    {
        string path = VirtualRun.Run(() => Task.FromResult(Trio.CurrentTask.Path));

        Assert.Equal("main", path);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task ThrowAfterACheckpointAsync()
    {
        await Trio.CheckpointAsync();
        throw new InvalidOperationException("boom");
    }

#pragma warning disable VSTHRD100 // The point of the test.
    private static async void FireAndForget()
    {
        await Trio.CheckpointAsync();
        throw new ArithmeticException("from async void");
    }
#pragma warning restore VSTHRD100
}
