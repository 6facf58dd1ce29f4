using System.Globalization;
using System.Security.Cryptography;

namespace TrioTest.Testing;

/// <summary>
/// One call of the harness: resolves the seeds to run (explicit, environment, regressions, fresh), runs them one
/// schedule at a time until one fails, watches the real-time limit, and builds the result and its report.
/// The running of a single schedule lives in <c>Exploration.Schedule.cs</c>.
/// </summary>
internal sealed partial class Exploration : IDisposable
{
    /// <summary>How long a body may ignore the watchdog's cancellation before <see cref="TrioTestRunner.RunAsync"/> abandons it.</summary>
    private static readonly TimeSpan s_abandonGrace = TimeSpan.FromSeconds(5);

    /// <summary>The test body.</summary>
    private readonly Func<TrioTestContext, Task> _body;

    /// <summary>The options, copied so the caller may change theirs.</summary>
    private readonly TrioTestOptions _options;

    /// <summary>Fails the awaiting caller when the loop thread is stuck; null when running on the caller's thread.</summary>
    private readonly Action<TrioTestResult>? _abandon;

    /// <summary>The caller's token.</summary>
    private readonly CancellationToken _cancellationToken;

    /// <summary>The trace recorder, created by the first schedule that records and reused by the others so its buffer grows once.</summary>
    private TraceRecorder? _recorder;

    /// <summary>The options of every schedule's run, created by the first; see <see cref="CreateRunOptions"/>.</summary>
    private RunOptions? _runOptions;

    /// <summary>Problems survived, such as corrupt regression lines.</summary>
    private readonly List<string> _warnings = [];

    /// <summary>The real-time watchdog, when there is a timeout.</summary>
    private readonly Timer? _watchdog;

    /// <summary>Unregisters from the caller's token.</summary>
    private readonly CancellationTokenRegistration _cancellationRegistration;

    /// <summary>The cancel scope around the current schedule's body; set on the loop thread, read by the watchdog.</summary>
    private volatile CancelScope? _currentScope;

    /// <summary>Why the exploration must stop: the watchdog fired or the caller cancelled; null while it may go on.</summary>
    private volatile string? _stopReason;

    /// <summary>True once the exploration has returned.</summary>
    private volatile bool _finished;

    /// <summary>Failures of tasks nobody awaited, heard of (on the finalizer thread) while the exploration runs; guarded by itself.</summary>
    private readonly List<(TrioTestContext Context, Exception Failure)> _unobserved = [];

    /// <summary>How many failures <see cref="_unobserved"/> holds, written under its lock and read without it.</summary>
    private int _unobservedCount;

    /// <summary>How many other schedules a failure in the first one runs to learn whether it depends on the schedule.</summary>
    private const int DependenceProbes = 8;

    /// <summary>The most steps those schedules take together (about a second here), so a slow failing body is not run eight more times.</summary>
    private const long DependenceProbeSteps = 1_000_000;

    /// <summary>Measures the coverage of the counted schedules, when traces are recorded.</summary>
    private readonly CoverageTracker _coverage = new();

    /// <summary>True once <see cref="TrioTestOptions.StopAfterSchedulesWithoutNewCoverage"/> stopped the exploration.</summary>
    private bool _stoppedForCoverage;

    /// <summary>The first replayed seed whose trace differs from the one recorded with it, and where.</summary>
    private (Seed Seed, TraceDivergence Divergence)? _divergence;

    /// <summary>How many schedules of this exploration passed.</summary>
    private int _schedulesPassed;

    /// <summary>How many schedules have started.</summary>
    private int _schedulesRun;

    /// <summary>The seed of the schedule running now, for the report of an abandoned one.</summary>
    private Seed _currentSeed;

    /// <summary>Where <see cref="_currentSeed"/> came from.</summary>
    private SeedSource _currentSource;

    public Exploration(Func<TrioTestContext, Task> body, TrioTestOptions options, Action<TrioTestResult>? abandon, CancellationToken cancellationToken)
    {
        _body = body;
        _options = options.Clone();
        _abandon = abandon;
        _cancellationToken = cancellationToken;
        if (_options.Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            _watchdog = new Timer(static state => ((Exploration)state!).OnWatchdog(), this, _options.Timeout, System.Threading.Timeout.InfiniteTimeSpan);
        }

        StartStallWatch();
        UnobservedFailures.EnsureInstalled();
        if (cancellationToken.CanBeCanceled)
        {
            _cancellationRegistration = cancellationToken.Register(static state => ((Exploration)state!).Stop("the caller's CancellationToken was cancelled"), this);
        }
    }

    /// <summary>Runs the planned schedules until one fails.</summary>
    public TrioTestResult Run()
    {
        try
        {
            return RunCore();
        }
        finally
        {
            lock (_unobserved)
            {
                _finished = true;
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _watchdog?.Dispose();
        _stallWatch?.Dispose();
        _cancellationRegistration.Dispose();
    }

    /// <summary>Resolves the plan, then runs it: this shard's share of it, when the exploration is sharded.</summary>
    private TrioTestResult RunCore()
    {
        List<(Seed Seed, SeedSource Source)> fixedSeeds = [];
        DirectedSchedule? directed = null;
        int iterations = 0;
        Seed baseSeed = default;
        TestShard? shard = ResolveShard();
        string? environmentSeed = _options.GetEnvironmentVariable("TRIOTEST_SEED");
        if (_options.Schedule is { } explicitSchedule)
        {
            directed = DirectedSchedule.Parse(explicitSchedule, "TrioTestOptions.Schedule");
            fixedSeeds.Add((directed.Seed, SeedSource.Explicit));
        }
        else if (_options.Seed is { } explicitSeed)
        {
            fixedSeeds.Add((explicitSeed, SeedSource.Explicit));
        }
        else if (!string.IsNullOrWhiteSpace(environmentSeed))
        {
            if (DirectedSchedule.LooksLikeSchedule(environmentSeed))
            {
                directed = DirectedSchedule.Parse(environmentSeed, "The environment variable TRIOTEST_SEED");
                fixedSeeds.Add((directed.Seed, SeedSource.Environment));
            }
            else
            {
                fixedSeeds.Add((SeedSetting.Parse(environmentSeed, "The environment variable TRIOTEST_SEED"), SeedSource.Environment));
            }

            if (_options.BaseSeed is { } baseSeedSet)
            {
                _warnings.Add(
                    $"TRIOTEST_SEED={environmentSeed.Trim()} replaced this test's exploration (BaseSeed = {baseSeedSet}, {_options.Iterations} schedule(s)) with that one schedule. TRIOTEST_SEED applies to every test in the run: filter the run to the test you replay (dotnet test --filter \"FullyQualifiedName~{_options.TestName ?? "YourTest"}\"), or unset it.");
            }
        }
        else
        {
            if (_options.RegressionFilePath is { } path && _options.TestName is { } name)
            {
                foreach (Seed recorded in RegressionFile.ReadSeeds(path, name, _warnings))
                {
                    fixedSeeds.Add((recorded, SeedSource.Regression));
                }

                if (_options.TestAssembly is { } assembly)
                {
                    RegressionFile.WarnAboutMissingTests(path, assembly, _warnings);
                }
            }

            iterations = _options.Strategy == ExplorationStrategy.Fifo ? 1 : Math.Max(_options.Iterations, ReadIterationsFromEnvironment());
            baseSeed = ResolveBaseSeed(shard);
        }

        foreach (string warning in _warnings)
        {
            (_options.Log ?? Console.Error).WriteLine("TrioTest: " + warning);
        }

        if (_options.StopAfterSchedulesWithoutNewCoverage is { } patience && !_options.RecordTrace)
        {
            throw new TrioTestConfigurationException(
                $"StopAfterSchedulesWithoutNewCoverage is {patience}, but RecordTrace is off, and coverage is measured from each schedule's trace: turn RecordTrace on, or unset StopAfterSchedulesWithoutNewCoverage.");
        }

        int planned = fixedSeeds.Count + iterations;
        int plannedHere = 0;
        for (int i = 0; i < planned; i++)
        {
            plannedHere += RunsHere(shard, i, fixedSeeds) ? 1 : 0;
        }

        long? stepEstimate = null;
        ScheduleOutcome? last = null;
        for (int i = 0; i < planned; i++)
        {
            if (!RunsHere(shard, i, fixedSeeds))
            {
                continue;
            }

            (Seed seed, SeedSource source) = i < fixedSeeds.Count
                ? fixedSeeds[i]
                : (baseSeed.Derive((ulong)(i - fixedSeeds.Count + 1)), SeedSource.Entropy);
            if (directed is not null)
            {
                // A pasted schedule runs as written, whatever the strategy; it is already as small as it gets.
                ScheduleOutcome pasted = RunSchedule(seed, source, i + 1, planned, new DirectedStrategy(directed));
                last = pasted;
                if (pasted.Failure is not null)
                {
                    return Fail(pasted, planned, plannedHere, remake: null);
                }

                _schedulesPassed++;
                continue;
            }

            if (_options.Strategy == ExplorationStrategy.Pct && stepEstimate is null)
            {
                stepEstimate = _options.PctStepEstimate;
                if (stepEstimate is null)
                {
                    // The FIFO sizing run is no Pct schedule: numbered 0, not counted, and a failure it finds is reported
                    // as FIFO's (it is the same for every seed, so the FIFO strategy replays it with no seed at all).
                    ScheduleOutcome sizing = RunSchedule(seed, source, number: 0, planned, ScheduleStrategy.Fifo, counted: false);
                    if (sizing.Failure is not null)
                    {
                        return Fail(sizing, planned, plannedHere, remake: null, ExplorationStrategy.Fifo);
                    }

                    stepEstimate = Math.Max(1, sizing.Steps);
                }
            }

            Func<ScheduleStrategy>? remake = _options.Strategy switch
            {
                ExplorationStrategy.Random => static () => new RandomStrategy(),
                ExplorationStrategy.Pct => PctStrategies(stepEstimate ?? 1),
                _ => null,
            };
            ScheduleOutcome outcome = RunSchedule(seed, source, i + 1, planned, remake?.Invoke() ?? ScheduleStrategy.Fifo);
            last = outcome;
            if (source != SeedSource.Entropy)
            {
                CompareWithRecordedTrace(outcome);
            }

            if (outcome.Failure is not null)
            {
                return Fail(outcome, planned, plannedHere, remake);
            }

            _schedulesPassed++;
            if (_options.StopAfterSchedulesWithoutNewCoverage is { } stopAfter && _coverage.SinceNew >= stopAfter)
            {
                _stoppedForCoverage = true;
                break;
            }
        }

        // A shard may own none of a test's schedules (one schedule, eight shards): it passes having run nothing.
        ScheduleOutcome final = last ?? new ScheduleOutcome(0, SeedSource.Entropy, 0, null, CheckpointTrace.Empty, 0, TimeSpan.Zero, 0);
        return new TrioTestResult(final, _schedulesRun, plannedHere, _options.Strategy, _options.PctDepth, report: null, _warnings) { Shard = shard, Coverage = Coverage(), Divergence = _divergence?.Divergence };
    }

    /// <summary>Makes a Pct strategy per schedule; a method of its own, so a schedule of another strategy allocates no closure for it.</summary>
    private Func<ScheduleStrategy> PctStrategies(long stepEstimate) => () => new PctStrategy(_options.PctDepth, stepEstimate);

    /// <summary>
    /// Compares a replayed seed's trace with the one recorded beside the regression file when the seed was found, and keeps
    /// the first divergence: the failure report shows it, and a passing replay says it on the log (a regression seed that no
    /// longer runs its schedule no longer tests what it did).
    /// </summary>
    private void CompareWithRecordedTrace(ScheduleOutcome replayed)
    {
        if (_divergence is not null || replayed.Trace.Count == 0 || _options.RegressionFilePath is not { } path || _options.TestName is not { } name)
        {
            return;
        }

        string file = RecordedTraces.PathFor(path, name, replayed.Seed);
        if (RecordedTraces.Read(file, _warnings) is not { } recorded || TraceDivergence.Find(recorded, replayed.Trace) is not { } divergence)
        {
            return;
        }

        divergence.RecordedTracePath = file;
        _divergence = (replayed.Seed, divergence);
        if (replayed.Failure is null)
        {
            (_options.Log ?? Console.Error).WriteLine(
                $"TrioTest: test {name}: the replay of {replayed.Seed} passed, but it is not the schedule recorded in {file}: {divergence.ToString().Replace("\n  ", "\n    ", StringComparison.Ordinal)}");
        }
    }

    /// <summary>
    /// Writes the failing schedule's timeline (the shrunk schedule's, with its deviations highlighted, when there is one)
    /// into <see cref="TrioTestOptions.TimelineDirectory"/>, and returns its path; null when off, untraced, or unwritable (a warning).
    /// </summary>
    private string? WriteTimeline(ScheduleOutcome outcome, ShrunkSchedule? shrunk)
    {
        if (_options.TimelineDirectory is not { } folder)
        {
            return null;
        }

        (CheckpointTrace trace, IReadOnlyList<ScheduleDeviation>? deviations, string schedule) = shrunk is { Trace.Count: > 0 }
            ? (shrunk.Trace, shrunk.Deviations, shrunk.Schedule)
            : (outcome.Trace, null, outcome.Directed?.ToString() ?? outcome.Seed.ToString());
        if (trace.Count == 0)
        {
            return null;
        }

        string name = _options.TestName ?? "test";
        string path = Path.GetFullPath(Path.Combine(folder, $"{RecordedTraces.FileNameOf(name)}-{outcome.Seed}.html"));
        try
        {
            TraceTimeline.WriteHtml(path, trace, $"{name}: {outcome.Failure!.GetType().Name} ({schedule})", deviations);
            return path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _warnings.Add($"The timeline was not written to {path} ({e.Message}): make the folder writable, or set TimelineDirectory elsewhere (null turns timelines off).");
            return null;
        }
    }

    /// <summary>Gets the coverage of the schedules counted so far.</summary>
    private ExplorationCoverage Coverage() =>
        _options.RecordTrace ? _coverage.ToCoverage(_stoppedForCoverage) : CoverageTracker.NotMeasured(_schedulesRun);

    /// <summary>
    /// Whether this shard runs the <paramref name="position"/>-th schedule (from 0) of the unsharded plan: a replay
    /// (explicit seed, <c>TRIOTEST_SEED</c>) runs in every shard, so a pasted replay line works anywhere; recorded
    /// regressions and explored schedules are dealt round-robin, each list on its own.
    /// </summary>
    private static bool RunsHere(TestShard? shard, int position, List<(Seed Seed, SeedSource Source)> fixedSeeds)
    {
        if (shard is not { } s)
        {
            return true;
        }

        if (position < fixedSeeds.Count)
        {
            return fixedSeeds[position].Source != SeedSource.Regression || s.Owns(position);
        }

        return s.Owns(position - fixedSeeds.Count);
    }

    /// <summary>Reads the shard: <see cref="TrioTestOptions.Shard"/>, else <c>TRIOTEST_SHARD</c>; stored in the options so the report names it.</summary>
    private TestShard? ResolveShard()
    {
        if (_options.Shard is null && _options.GetEnvironmentVariable("TRIOTEST_SHARD") is { } text && !string.IsNullOrWhiteSpace(text))
        {
            _options.Shard = TestShard.Parse(text, "TRIOTEST_SHARD");
        }

        return _options.Shard;
    }

    /// <summary>
    /// Gets the base seed of an exploration: <see cref="TrioTestOptions.BaseSeed"/>, else <c>TRIOTEST_BASE_SEED</c> mixed with
    /// the test's name (so tests explore different schedules), else fresh entropy, which a sharded run cannot use.
    /// </summary>
    private Seed ResolveBaseSeed(TestShard? shard)
    {
        if (_options.BaseSeed is { } set)
        {
            return set;
        }

        string? text = _options.GetEnvironmentVariable("TRIOTEST_BASE_SEED");
        if (!string.IsNullOrWhiteSpace(text))
        {
            Seed family = SeedSetting.Parse(text, "The environment variable TRIOTEST_BASE_SEED");
            return _options.TestName is { } name ? family.Derive(StableHash.Of(name)) : family;
        }

        if (shard is { Count: > 1 } s)
        {
            throw new TrioTestConfigurationException(
                $"TRIOTEST_SHARD is \"{s}\", but test {_options.TestName ?? "(unnamed)"} has no fixed base seed, so each shard would explore its own random schedules instead of its share of one exploration. "
                + "Set TRIOTEST_BASE_SEED to the same value in every shard (such as the CI run's number: TRIOTEST_BASE_SEED=${{ github.run_id }} on GitHub Actions, $(Build.BuildId) on Azure Pipelines), or set BaseSeed on the test.");
        }

        return BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(sizeof(ulong)));
    }

    /// <summary>Builds the failed result, and records a newly found seed in the regression file.</summary>
    /// <param name="outcome">The failed schedule.</param>
    /// <param name="planned">How many schedules the unsharded run plans.</param>
    /// <param name="strategy">The strategy that ran it, when not the exploration's own (PCT's FIFO sizing run).</param>
    /// <param name="plannedHere">How many of them this shard runs.</param>
    /// <param name="remake">Makes a fresh instance of the strategy that ran it, for shrinking; null when there is nothing to shrink (FIFO order, a pasted schedule).</param>
    private TrioTestResult Fail(ScheduleOutcome outcome, int planned, int plannedHere, Func<ScheduleStrategy>? remake, ExplorationStrategy? strategy = null)
    {
        ExplorationStrategy ranBy = strategy ?? _options.Strategy;
        _cancellationToken.ThrowIfCancellationRequested();
        string? notRecorded = null;
        if (outcome.Source == SeedSource.Entropy && _options.RegressionFilePath is { } path && _options.TestName is { } name)
        {
            if (!DependsOnSchedule(outcome, ranBy, out string? why))
            {
                notRecorded = $"  not recorded in {Path.GetFileName(path)}: {why}";
            }
            else
            {
                try
                {
                    if (RegressionFile.Record(path, name, outcome.Seed, $"{outcome.Failure!.GetType().Name}: {outcome.Failure.Message}", _warnings) && outcome.Trace.Count > 0)
                    {
                        // Beside the seed, its trace: a replay after an edit can then say where it stopped being this schedule.
                        RecordedTraces.Write(RecordedTraces.PathFor(path, name, outcome.Seed), outcome.Trace, _warnings);
                    }
                }
                catch (TrioTestConfigurationException e)
                {
                    _warnings.Add(e.Message);
                }
            }
        }

        ExplorationCoverage coverage = Coverage();
        ShrunkSchedule? shrunk = Shrink(outcome, remake);
        string report = FailureReport.Format(outcome, _options, planned, ranBy, coverage, shrunk);
        if (WriteTimeline(outcome, shrunk) is { } timeline)
        {
            report += "\n  timeline: " + timeline;
        }

        TraceDivergence? divergence = _divergence is { } d && d.Seed == outcome.Seed && outcome.Directed is null ? d.Divergence : null;
        if (divergence is not null)
        {
            report += $"\n  diverged: this replay of {outcome.Seed} is not the schedule recorded in {divergence.RecordedTracePath}: "
                + divergence.ToString().Replace("\n  ", "\n    ", StringComparison.Ordinal);
        }

        if (notRecorded is not null)
        {
            report += "\n" + notRecorded;
        }

        if (_warnings.Count > 0)
        {
            report += "\n  warnings:\n" + string.Concat(_warnings.Select(static w => "    " + w + "\n")).TrimEnd('\n');
        }

        return new TrioTestResult(outcome, _schedulesRun, plannedHere, ranBy, _options.PctDepth, report, _warnings) { Shard = _options.Shard, Coverage = coverage, Shrunk = shrunk, Divergence = divergence };
    }

    /// <summary>
    /// Decides whether a failure depends on the schedule, the condition for recording its seed: a test that fails the same
    /// way in every order (a wrong assertion, a bad setting) is not a race, and its seed would only replay what every run
    /// shows. It does if an earlier schedule of this exploration passed (free: the usual case once Iterations is above 1);
    /// otherwise up to <see cref="DependenceProbes"/> other schedules run (FIFO order first, then seeds derived from the
    /// failing one), uncounted, until one passes or they have taken <see cref="DependenceProbeSteps"/> steps. The decision
    /// depends on steps, not real time, so it is the same on every machine. Only a failing test pays for it.
    /// </summary>
    private bool DependsOnSchedule(ScheduleOutcome failed, ExplorationStrategy strategy, out string? why)
    {
        why = null;
        if (_schedulesPassed > 0)
        {
            return true;
        }

        if (failed.Failure is StepLimitExceededException)
        {
            why = "a schedule that ran into the step limit is not run again to learn whether the failure depends on the schedule";
            return false;
        }

        long probeSteps = 0;
        int probes = 0;
        for (int probe = 0; probe < DependenceProbes && _stopReason is null && probeSteps < DependenceProbeSteps; probe++)
        {
            probes++;
            ScheduleStrategy order = probe == 0 || strategy == ExplorationStrategy.Fifo ? ScheduleStrategy.Fifo
                : strategy == ExplorationStrategy.Pct ? new PctStrategy(_options.PctDepth, Math.Max(1, failed.Steps))
                : new RandomStrategy();
            Seed seed = failed.Seed.Derive((ulong)(probe + 1));
            ScheduleOutcome other = RunSchedule(seed, SeedSource.Entropy, failed.Schedule, failed.Schedule, order, counted: false);
            if (other.Failure is null)
            {
                return true;
            }

            probeSteps += other.Steps;

            if (strategy == ExplorationStrategy.Fifo)
            {
                break;
            }
        }

        why = strategy == ExplorationStrategy.Fifo
            ? "FIFO order has one schedule, so the failure cannot depend on it"
            : $"it fails in every schedule tried ({(probes == 1 ? "FIFO order" : $"FIFO order and {probes - 1} other seeds")}), so it does not depend on the schedule: a seed would only replay what every run shows";
        return false;
    }

    /// <summary>
    /// Takes a failure of a task nobody awaited, thrown by one of this exploration's schedules: kept for the schedule
    /// that runs now to fail with, or, once the exploration has returned, written to the log with the test's name.
    /// </summary>
    internal void OnUnobservedFailure(UnobservedFailures.Origin origin, Exception failure)
    {
        var error = new UnobservedTaskFailureException(origin.TaskPath, failure);
        lock (_unobserved)
        {
            if (!_finished)
            {
                _unobserved.Add((origin.Context, error));
                Volatile.Write(ref _unobservedCount, _unobserved.Count);
                return;
            }
        }

        (_options.Log ?? Console.Error).WriteLine(
            $"TrioTest: after test {_options.TestName ?? "(unnamed)"} ended, {error.Message} (seed {origin.Context.Seed})");
    }

    /// <summary>Takes the first unobserved failure heard of so far, preferring one of <paramref name="current"/>'s.</summary>
    private (TrioTestContext Context, Exception Failure)? TakeUnobservedFailure(TrioTestContext current)
    {
        // Read without the lock first: a failure added meanwhile is taken by the next schedule's look, as one that
        // arrives a moment later would be, and every schedule is spared a lock.
        if (Volatile.Read(ref _unobservedCount) == 0)
        {
            return null;
        }

        lock (_unobserved)
        {
            if (_unobserved.Count == 0)
            {
                return null;
            }

            int index = Math.Max(0, _unobserved.FindIndex(u => u.Context == current));
            (TrioTestContext, Exception) taken = _unobserved[index];
            _unobserved.Clear();
            Volatile.Write(ref _unobservedCount, 0);
            return taken;
        }
    }

    /// <summary>Reads <c>TRIOTEST_ITERATIONS</c>, the nightly run's way to deepen every exploration; 0 when unset.</summary>
    private int ReadIterationsFromEnvironment()
    {
        string? text = _options.GetEnvironmentVariable("TRIOTEST_ITERATIONS");
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0;
        }

        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= 1
            ? value
            : throw new TrioTestConfigurationException(
                $"The environment variable TRIOTEST_ITERATIONS is \"{text}\", which is not a number of schedules: use a whole number from 1 to {int.MaxValue}, or unset it.");
    }

    /// <summary>The watchdog fired: stop the exploration, and abandon a body that ignores it.</summary>
    private void OnWatchdog()
    {
        if (_stopReason is null)
        {
            Stop($"the test ran longer than its real-time Timeout of {_options.Timeout}");
            _watchdog?.Change(s_abandonGrace, System.Threading.Timeout.InfiniteTimeSpan);
        }
        else if (!_finished && _abandon is { } abandon)
        {
            var error = new TimeoutException(
                $"The test ran longer than its real-time Timeout of {_options.Timeout}, and its schedule did not stop within {s_abandonGrace.TotalSeconds} s of being cancelled: "
                + "some code loops without reaching a checkpoint. Its loop thread is abandoned. Add an await Trio.CheckpointAsync() in long loops.");
            abandon(Abandoned(error));
        }
    }

    /// <summary>The result given to the caller of a schedule whose loop thread is abandoned: its seed, no trace (the thread may still write it).</summary>
    private TrioTestResult Abandoned(Exception error)
    {
        var outcome = new ScheduleOutcome(_currentSeed, _currentSource, Math.Max(1, _schedulesRun), error, CheckpointTrace.Empty, 0, TimeSpan.Zero, 0);
        return new TrioTestResult(outcome, _schedulesRun, _schedulesRun, _options.Strategy, _options.PctDepth, FailureReport.Format(outcome, _options, _schedulesRun, _options.Strategy), _warnings);
    }

    /// <summary>Stops the exploration: the current schedule's scope is cancelled, and no further schedule starts.</summary>
    private void Stop(string reason)
    {
        _stopReason ??= reason;
        _currentScope?.Cancel(reason);
    }
}
