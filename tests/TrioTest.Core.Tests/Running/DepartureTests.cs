namespace TrioTest.Core.Tests.Running;

/// <summary>
/// Work the loop thread sends to the thread pool is seen as it leaves, at a point the seed decides: strict runs fail
/// there with the same report every time, naming what sent it and the fix.
/// </summary>
public sealed class DepartureTests
{
    private const string Here = "TrioTest.Core.Tests.Running.DepartureTests";

    public static TheoryData<string, string, int> Departures => new()
    {
        { "Task.Run", $"Task.Run, Task.Factory.StartNew or ThreadPool.QueueUserWorkItem, called from {Here}.Depart, sent work to the thread pool: start concurrent work in a nursery", 1 },
        { "CancelAsync", $"CancellationTokenSource.CancelAsync, called from {Here}.Depart, runs the token's callbacks on the thread pool: call Cancel() instead", 1 },
        { "ConfigureAwait(false) on own method", $"when {Here}.SleepThenReturnAsync completed a task on the loop (an async method's own, or a TaskCompletionSource's), the code that awaited it was sent to the thread pool: it awaited with ConfigureAwait(false)", 2 },
        { "ConfigureAwait(false) on an asynchronous completion source", $"when a lambda in {Here}.Depart completed a task on the loop (an async method's own, or a TaskCompletionSource's), the code that awaited it was sent to the thread pool", 1 },
        { "ThreadPool.QueueUserWorkItem", $"Task.Run, Task.Factory.StartNew or ThreadPool.QueueUserWorkItem, called from {Here}.Depart, sent work to the thread pool", 1 },
    };

    [Theory]
    [MemberData(nameof(Departures))]
    public void StrictRun_FailsWhereTheWorkLeft_NamingWhatSentItAndTheFix(string departure, string cause, int second)
    {
        var error = Assert.Throws<EscapeException>(() => Trio.Run(() => Depart(departure), StrictOptions()));

        Assert.Equal(EscapeKind.Departure, error.Escape.Kind);
        Assert.Equal("main", error.Escape.TaskPath);
        Assert.Equal(TimeSpan.FromSeconds(second), error.Escape.Time);
        Assert.Contains(cause, error.Escape.Diagnosis);
        Assert.StartsWith($"Code left the TrioTest loop from main at 00:00:0{second}: it sent work to the thread pool", error.Message);
        Assert.StartsWith("   at System.Threading.ThreadPoolWorkQueue.Enqueue", error.Escape.StackTrace);
        Assert.DoesNotContain("at System.", error.Message);
    }

    [Theory]
    [MemberData(nameof(Departures))]
    public void StrictRun_GivesTheSameReportOnEveryRun(string departure, string cause, int second)
    {
        var messages = new HashSet<string>();

        for (int run = 0; run < 100; run++)
        {
            messages.Add(Assert.Throws<EscapeException>(() => Trio.Run(() => Depart(departure), StrictOptions())).Message);
        }

        Assert.True(messages.Count == 1, $"{messages.Count} different reports:\n" + string.Join("\n=====\n", messages));
        Assert.Contains(cause, messages.Single());
        Assert.Contains($"at 00:00:0{second}", messages.Single());
    }

    [Fact]
    public void ToThreadAsync_IsCountedWork_NotADeparture()
    {
        int result = Trio.Run(async () => await Trio.ToThreadAsync(() => 42), StrictOptions());

        Assert.Equal(42, result);
    }

    [Fact]
    public void RecordedDeparture_IsCountedInFlightFromTheStepThatSentIt()
    {
        using var gate = new ManualResetEventSlim();
        var escapes = new List<EscapeInfo>();
        RunOptions options = VirtualRun.Options();
        options.DetectDeadlocks = false;
        options.Instruments.Add(new EscapeRecorder(escapes));
        int inFlight = -1;

        int result = Trio.Run(async () =>
        {
            Task<int> work = Task.Run(() =>
            {
                gate.Wait();
                return 7;
            });
            inFlight = Trio.GetStatistics().DeparturesInFlight;
            gate.Set();
            return await work;
        }, options);

        Assert.Equal(7, result);
        Assert.Equal(1, inFlight);
        Assert.Equal(EscapeKind.Departure, escapes[0].Kind);
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData(true, 1)]
    public void SystemClockRun_WatchesDeparturesOnlyWhenAsked(bool? watch, int departures)
    {
        var escapes = new List<EscapeInfo>();
        var options = new RunOptions { WatchDepartures = watch };
        options.Instruments.Add(new EscapeRecorder(escapes));

        Trio.Run(() => Task.Run(() => { }), options);

        Assert.Equal(departures, escapes.Count(e => e.Kind == EscapeKind.Departure));
    }

    private static RunOptions StrictOptions()
    {
        RunOptions options = VirtualRun.Options();
        options.EscapePolicy = EscapePolicy.Fail;
        return options;
    }

    private static async Task Depart(string departure)
    {
        await Trio.SleepAsync(TimeSpan.FromSeconds(1));
        switch (departure)
        {
            case "Task.Run":
                await Task.Run(() => { });
                break;
            case "CancelAsync":
                using (var source = new CancellationTokenSource())
                {
                    // Without a registration CancelAsync has nothing to run and completes at once.
                    using CancellationTokenRegistration registration = source.Token.Register(() => { });
                    await source.CancelAsync();
                }

                break;
            case "ConfigureAwait(false) on own method":
                await SleepThenReturnAsync().ConfigureAwait(false);
                break;
            case "ConfigureAwait(false) on an asynchronous completion source":
                var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                await Nursery.RunAsync(async nursery =>
                {
                    nursery.StartSoon(async () => await done.Task.ConfigureAwait(false), "waiter");
                    await Trio.CheckpointAsync();
                    done.SetResult();
                });
                break;
            case "ThreadPool.QueueUserWorkItem":
                ThreadPool.QueueUserWorkItem(_ => { });
                await Trio.CheckpointAsync();
                break;
        }
    }

    private static async Task<int> SleepThenReturnAsync()
    {
        await Trio.SleepAsync(TimeSpan.FromSeconds(1));
        return 1;
    }
}
