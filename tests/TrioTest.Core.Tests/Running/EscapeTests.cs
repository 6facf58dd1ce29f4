namespace TrioTest.Core.Tests.Running;

public sealed class EscapeTests
{
    [Fact]
    public void TaskRun_PostingBack_IsRecordedWithADiagnosis_AndTheRunGoesOn()
    {
        var escapes = new List<EscapeInfo>();
        RunOptions options = VirtualRun.Options();
        options.Instruments.Add(new EscapeRecorder(escapes));

        // The loop cannot see work on the thread pool; without this it could report a deadlock before the work returns.
        options.DetectDeadlocks = false;

        using var gate = new ManualResetEventSlim();
        int result = Trio.Run(async () =>
        {
            int value = 0;
            await Nursery.RunAsync(async nursery =>
            {
                // The work waits until main awaits it, so its completion always posts back from the pool thread.
                Task<int> work = Task.Run(() =>
                {
                    gate.Wait();
                    return 5;
                });
                nursery.StartSoon(() =>
                {
                    gate.Set();
                    return Task.CompletedTask;
                }, "releaser");
                value = await work;
            });
            await Trio.CheckpointAsync();
            return value;
        }, options);

        Assert.Equal(5, result);

        // Seen twice: as it left (a departure, at the step that called Task.Run) and as it came back.
        Assert.Equal([EscapeKind.Departure, EscapeKind.ForeignPost], escapes.Select(e => e.Kind));
        Assert.All(escapes, escape => Assert.Equal("main", escape.TaskPath));
        Assert.StartsWith("Task.Run, Task.Factory.StartNew or ThreadPool.QueueUserWorkItem, called from a lambda in ", escapes[0].Diagnosis);
        Assert.Contains("Trio.ToThreadAsync", escapes[1].Diagnosis);
    }

    [Fact]
    public void StrictPolicy_TaskDelayWithoutAProvider_FailsNamingTheFix()
    {
        RunOptions options = VirtualRun.Options();
        options.EscapePolicy = EscapePolicy.Fail;
        options.DetectDeadlocks = false;

        var error = Assert.Throws<EscapeException>(() => Trio.Run(async () =>
        {
            // Long enough (in real time) that the await is always registered before the timer fires.
            await Task.Delay(200);
        }, options));

        Assert.Contains("Task.Delay without a TimeProvider: pass Trio.TimeProvider", error.Message);
        Assert.Contains("Stack of the thread that came back", error.Message);
    }

    [Fact]
    public void Primitives_FromAnotherThread_ThrowAndNameTheFix()
    {
        InvalidOperationException? error = null;

        VirtualRun.Run(() => Trio.ToThreadAsync(() =>
        {
            error = Assert.Throws<InvalidOperationException>(() => Trio.CheckpointAsync());
        }));

        Assert.Contains("outside the loop of the TrioTest run it belongs to", error!.Message);
        Assert.Contains("Trio.ToThreadAsync", error.Message);
    }

    [Fact]
    public void ConfigureAwaitFalse_OnLibraryAwaitables_StaysOnTheLoop()
    {
        int loop = Environment.CurrentManagedThreadId;
        var threads = new List<int>();
        RunOptions options = VirtualRun.Options();
        options.EscapePolicy = EscapePolicy.Fail;

        Trio.Run(async () =>
        {
            await Trio.MoveOnAfterAsync(TimeSpan.FromSeconds(1), () => Trio.SleepForeverAsync().AsTask()).ConfigureAwait(false);
            threads.Add(Environment.CurrentManagedThreadId);
            await Nursery.RunAsync(nursery =>
            {
                nursery.StartSoon(() => Trio.SleepAsync(TimeSpan.FromSeconds(1)).AsTask());
                return Task.CompletedTask;
            }).ConfigureAwait(false);
            threads.Add(Environment.CurrentManagedThreadId);
            await Trio.SleepAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
            threads.Add(Environment.CurrentManagedThreadId);
            await Trio.ToThreadAsync(() => 1).ConfigureAwait(false);
            threads.Add(Environment.CurrentManagedThreadId);
        }, options);

        Assert.Equal([loop, loop, loop, loop], threads);
    }

    [Fact]
    public void NurseryEnteredAfterConfigureAwaitFalse_StillWaitsForItsChildrenOnTheLoop()
    {
        RunOptions options = VirtualRun.Options();
        options.EscapePolicy = EscapePolicy.Fail;
        bool childDone = false;

        TimeSpan end = Trio.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1), Trio.TimeProvider).ConfigureAwait(false);
            await Nursery.RunAsync(async nursery =>
            {
                nursery.StartSoon(async () =>
                {
                    await Trio.SleepAsync(TimeSpan.FromSeconds(1));
                    childDone = true;
                });
                await Trio.SleepAsync(TimeSpan.FromSeconds(1));
            });
            return Trio.CurrentTime;
        }, options);

        Assert.True(childDone);
        Assert.Equal(TimeSpan.FromSeconds(2), end);
    }

    [Fact]
    public void CancellingAScope_DoesNotRunOtherTasksTokenCallbacksInsideTheCancellersStep()
    {
        int observedInsideStep = -1;

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            int flag = 0;
            nursery.StartSoon(async () =>
            {
                // A completion source cancelled from a token callback: ConfigureAwait(false) would run the rest inline
                // in whichever code cancels the token. (Task.Delay cannot show this: since .NET 8 a cancelled delay
                // always resumes on the thread pool.)
                var done = new TaskCompletionSource();
                using CancellationTokenRegistration registration = Trio.CancellationToken.Register(() => done.TrySetCanceled());
                try
                {
                    await done.Task.ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    flag = 1;
                }
            });
            await Trio.WaitAllTasksBlockedAsync();
            nursery.CancelScope.Cancel();
            observedInsideStep = flag;
        }));

        Assert.Equal(0, observedInsideStep);
    }

    [Fact]
    public void PostAfterTheRunEnded_IsDropped_NotRunOnTheThreadPool()
    {
        SynchronizationContext context = ContextOfAFinishedRun(VirtualRun.Options());
        bool ran = false;

        context.Post(_ => ran = true, null);

        Assert.False(ran);
    }

    [Fact]
    public void LateWork_IsReportedOnTheRunsLog_OnceWithItsCause()
    {
        var log = new StringWriter();
        RunOptions options = VirtualRun.Options();
        options.Log = log;
        SynchronizationContext context = ContextOfAFinishedRun(options);

        context.Post(_ => { }, null);
        context.Post(_ => { }, null);

        string reported = log.ToString();
        Assert.StartsWith("TrioTest: work of task main came back after its run ended, and was dropped", reported);
        Assert.Single(reported.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void LateWork_OfANamedRun_IsReportedWithTheRunsName()
    {
        var log = new StringWriter();
        RunOptions options = VirtualRun.Options();
        options.Log = log;
        options.Name = "test Shop.Checkout";
        SynchronizationContext context = ContextOfAFinishedRun(options);

        context.Post(_ => { }, null);

        Assert.StartsWith("TrioTest: work of task main of test Shop.Checkout came back after its run ended", log.ToString());
    }

    [Fact]
    public void SendAfterTheRunEnded_FailsInsteadOfBlocking()
    {
        SynchronizationContext context = ContextOfAFinishedRun(VirtualRun.Options());

        var error = Assert.Throws<InvalidOperationException>(() => context.Send(_ => { }, null));

        Assert.Contains("has ended", error.Message);
    }

    /// <summary>Runs an empty main and returns its task's synchronization context, after the run has ended.</summary>
    private static SynchronizationContext ContextOfAFinishedRun(RunOptions options)
    {
        SynchronizationContext? context = null;
        Trio.Run(() =>
        {
            context = SynchronizationContext.Current;
            return Task.CompletedTask;
        }, options);
        return Assert.IsAssignableFrom<SynchronizationContext>(context);
    }
}
