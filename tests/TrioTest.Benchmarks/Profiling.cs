namespace TrioTest.Benchmarks;

/// <summary>
/// Runs one benchmark's body in a loop for a while, for a profiler to watch (the "why not met" notes of the goals page
/// come from such profiles): <c>dotnet-trace collect -- dotnet TrioTest.Benchmarks.dll profile trace 10</c>.
/// </summary>
internal static class Profiling
{
    /// <summary>The bodies that can be profiled, by name.</summary>
    public static IReadOnlyDictionary<string, Action> Bodies { get; } = CreateBodies();

    /// <summary>Runs the body named <paramref name="name"/> repeatedly for <paramref name="seconds"/> seconds.</summary>
    public static void Run(string name, double seconds)
    {
        Action body = Bodies[name];
        body();
        long start = TimeProvider.System.GetTimestamp();
        long end = start + (long)(seconds * TimeProvider.System.TimestampFrequency);
        TimeSpan pausedBefore = GC.GetTotalPauseDuration();
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        int[] collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        int runs = 0;
        while (TimeProvider.System.GetTimestamp() < end)
        {
            body();
            runs++;
        }

        // What a CPU profile cannot attribute (the runtime's own code is not symbolized): the share of time the GC paused
        // the run, and the bytes each run allocated.
        TimeSpan elapsed = TimeProvider.System.GetElapsedTime(start);
        double paused = (GC.GetTotalPauseDuration() - pausedBefore) / elapsed;
        long allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / Math.Max(1, runs);
        Console.WriteLine($"{name}: {runs} runs, {elapsed.TotalMilliseconds / Math.Max(1, runs):0.000} ms a run, {allocated} B a run, " +
            $"GC paused {paused:P1} of the time, collections gen0 {GC.CollectionCount(0) - collectionsBefore[0]}, gen1 {GC.CollectionCount(1) - collectionsBefore[1]}, gen2 {GC.CollectionCount(2) - collectionsBefore[2]}");
    }

    /// <summary>An instrument that overrides the two hooks a checkpoint calls and does nothing: the cost of dispatch alone.</summary>
    private sealed class NullInstrument : Instrument
    {
        public override void Checkpoint(in CheckpointEventArgs args)
        {
        }

        public override void BeforeTaskStep(in TaskEventArgs args)
        {
        }
    }

    private static Dictionary<string, Action> CreateBodies()
    {
        var checkpoints = new CheckpointBenchmarks { Tasks = 10 };
        var tasks = new TaskBenchmarks();
        var timers = new TimerBenchmarks { Timers = 10_000 };
        timers.Setup();
        var trivial = new ExplorationBenchmarks { Body = "trivial 2 tasks" };
        trivial.Setup();
        var nunit = new Adapters.NUnitInProcess();
        var nunitAsyncTest = Adapters.NUnitInProcess.Filter(typeof(Adapters.NUnitSubjects), nameof(Adapters.NUnitSubjects.TrioAsyncTest));
        var nunitPlainTest = Adapters.NUnitInProcess.Filter(typeof(Adapters.NUnitSubjects), nameof(Adapters.NUnitSubjects.PlainTest));
        var buffer = new ExplorationBenchmarks { Body = "bounded buffer" };
        buffer.Setup();
        return new Dictionary<string, Action>(StringComparer.Ordinal)
        {
            ["trace"] = checkpoints.TrioTest_Checkpoint_TraceRecording,
            ["checkpoint"] = checkpoints.TrioTest_Checkpoint,
            ["null-instrument"] = () =>
            {
                var options = new RunOptions();
                options.Instruments.Add(new NullInstrument());
                Trio.Run(() => Nursery.RunAsync(n =>
                {
                    for (int t = 0; t < 10; t++)
                    {
                        n.StartSoon(async () =>
                        {
                            for (int i = 0; i < 1000; i++)
                            {
                                await Trio.CheckpointAsync();
                            }
                        }, "worker");
                    }

                    return Task.CompletedTask;
                }), options);
            },
            ["spawn"] = tasks.TrioTest_NurseryChildren,
            ["timers"] = timers.TrioTest_Autojump,
            ["explore"] = () => trivial.HarnessSchedules(),
            ["bare"] = trivial.BareRuns,
            ["buffer"] = () => buffer.HarnessSchedules(),
            ["buffer-bare"] = buffer.BareRuns,
            ["nunit"] = () => nunit.Run(nunitAsyncTest),
            ["nunit-plain"] = () => nunit.Run(nunitPlainTest),
            ["explore-no-trace"] = () => trivial.HarnessSchedules(recordTrace: false),
        };
    }
}
