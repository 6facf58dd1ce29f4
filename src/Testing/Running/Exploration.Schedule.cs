namespace TrioTest.Testing;

/// <summary>One schedule: a fresh virtual clock, the seed and strategy, the trace recorder, the background nursery (the run's own).</summary>
internal sealed partial class Exploration
{
    /// <summary>
    /// Runs the body once under <paramref name="strategy"/> with <paramref name="seed"/>, and says what happened. PCT's
    /// sizing run and the schedules that check a failure's dependence on the schedule are not counted.
    /// </summary>
    private ScheduleOutcome RunSchedule(Seed seed, SeedSource source, int number, int planned, ScheduleStrategy strategy, bool counted = true)
    {
        if (_stopReason is { } stopped)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            return new ScheduleOutcome(seed, source, number, CreateTimeout(stopped), CheckpointTrace.Empty, 0, TimeSpan.Zero, 0);
        }

        if (counted)
        {
            _schedulesRun++;
        }

        _currentSeed = seed;
        _currentSource = source;
        TraceRecorder? recorder = _options.RecordTrace ? _recorder ??= new TraceRecorder(_options.TraceWindow) : null;
        recorder?.Clear();
        var clock = new VirtualClock(_options.AutojumpThreshold);
        RunOptions run = _runOptions ??= CreateRunOptions(recorder);
        run.Clock = clock;
        run.Seed = seed;
        run.Strategy = strategy;
        run.Name = _options.TestName is { } test ? $"test {test} (seed {seed})" : null;

        var context = new TrioTestContext(_options, seed, source, number, planned, recorder) { Exploration = this };
        Exception? failure = null;

        Runner? runner = null;
        try
        {
            // The blocked-loop watch reads the run's heartbeat while it runs.
            runner = new Runner(run) { HostState = context };
            _currentRunner = runner;
            runner.Run(static background => StartBody(background), "the test body returned");
        }
        catch (Exception e)
        {
            failure = e;
        }
        finally
        {
            _currentRunner = null;
            _currentScope = null;
        }

        if (_stopReason is { } reason)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            failure ??= CreateTimeout(reason);
        }

        if (failure is null && TakeUnobservedFailure(context) is { } unobserved)
        {
            if (unobserved.Context != context)
            {
                // An earlier schedule threw it: report it against that schedule's seed, whose trace is gone.
                return new ScheduleOutcome(unobserved.Context.Seed, unobserved.Context.SeedSource, unobserved.Context.Schedule, unobserved.Failure, CheckpointTrace.Empty, 0, TimeSpan.Zero, 0);
            }

            failure = unobserved.Failure;
        }

        if (counted && recorder is not null)
        {
            _coverage.Observe(recorder);
        }

        // Only the failing schedule's trace, the last one's, or a replayed seed's (to compare with its recorded trace) is kept: copying every schedule's would dominate a long exploration.
        CheckpointTrace trace = recorder is not null && (failure is not null || number == planned || source != SeedSource.Entropy) ? recorder.GetTrace() : CheckpointTrace.Empty;
        return new ScheduleOutcome(seed, source, number, failure, trace, runner?.StepsRun ?? 0, clock.Now, runner?.TasksSpawnedBeforeFailure ?? 0) { Directed = (strategy as DirectedStrategy)?.Schedule };
    }

    /// <summary>
    /// The main task of a schedule: the body, with the run's own nursery as the background nursery. Its scope is also the
    /// one the watchdog cancels (a scope catches its own cancellation, so a stopped schedule ends quietly and the harness
    /// reports why), and the run cancels it when the body returns.
    /// </summary>
    private static Task StartBody(Nursery background)
    {
        // The schedule's context rides on its run (the nursery's parent task is main).
        var context = (TrioTestContext)background.ParentTask.Runner.HostState!;
        return context.Exploration!.StartBody(context, background);
    }

    /// <inheritdoc cref="StartBody(Nursery)"/>
    private Task StartBody(TrioTestContext context, Nursery background)
    {
        _currentScope = background.CancelScope;
        if (_stopReason is { } reason)
        {
            // The watchdog fired before the scope existed.
            background.CancelScope.Cancel(reason);
        }

        context.Enter(background);
        return _body(context) ?? throw new InvalidOperationException(
            "The test body returned a null Task: return the Task of the async work (an async method, or Task.CompletedTask).");
    }

    /// <summary>
    /// Creates the options every schedule's run shares, with the instruments; each schedule sets its clock, seed, strategy
    /// and name. A run reads what other threads need (escape policy, log, name) when it is created, and the rest before
    /// it ends, so the next schedule's changes never reach it.
    /// </summary>
    private RunOptions CreateRunOptions(TraceRecorder? recorder)
    {
        var run = new RunOptions
        {
            VirtualTimeLimit = _options.VirtualTimeLimit,
            StepLimit = _options.StepLimit,
            EscapePolicy = _options.Strict ? EscapePolicy.Fail : EscapePolicy.Record,
            DetectDeadlocks = true,
            Log = _options.Log,
        };
        if (recorder is not null)
        {
            run.Instruments.Add(recorder);
        }

        foreach (Instrument instrument in _options.Instruments)
        {
            run.Instruments.Add(instrument);
        }

        return run;
    }

    /// <summary>The failure of a schedule stopped by the watchdog.</summary>
    private TimeoutException CreateTimeout(string reason) =>
        new($"TrioTest stopped the test: {reason}, after {_schedulesRun} schedule(s). Raise Timeout if the test needs longer, or lower Iterations; a test that hangs in virtual time fails at VirtualTimeLimit instead.");
}
