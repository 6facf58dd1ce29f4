namespace TrioTest;

// The run loop, after trio's unrolled_run. Each pass:
//   1. Decide how long the loop may wait: zero if a step is ready; otherwise until the next deadline, cut
//      short by the smallest WaitAllTasksBlockedAsync cushion (idle waiters win: no autojump that pass)
//      or else by the virtual clock's autojump threshold.
//   2. Wait that long for the inbox: continuations posted from other threads (escapes, recorded with their
//      stack) and completions of counted external work (Trio.ToThreadAsync).
//   3. Fire the timers that are due, in (deadline, sequence) order, with no synchronization context current:
//      a timer completes loop-driven work, and with no context current a ConfigureAwait(false) continuation
//      runs inline here, on the loop thread, instead of being sent to the thread pool.
//   4. If nothing happened and the wait was an idle wait, wake the idle waiters with the smallest cushion, or
//      autojump the virtual clock to the next deadline and fire what is due. Only the loop can know that
//      every task is blocked, which is why autojump lives here and not in the clock.
//   5. Run one batch: snapshot the ready steps, let the strategy order them, run them. Steps that become
//      ready meanwhile wait for the next batch, so no task can starve the others.
// If nothing is ready, no timer can fire, no external work is in flight and main is not done, nothing can
// ever happen again: with deadlock detection on (the default under a virtual clock) the run fails at once
// with a report of every blocked task, where Trio would hang.
internal sealed partial class Runner
{
    /// <summary>
    /// How long the loop waits for its inbox before it reports a deadlock. Work that left the loop (an escape) may be
    /// about to come back; waiting a moment lets the report name the escape instead of a deadlock that is not one.
    /// Only a run that is failing pays it.
    /// </summary>
    private static readonly TimeSpan s_deadlockGracePeriod = TimeSpan.FromMilliseconds(50);

    /// <summary>The longest the loop waits in one pass.</summary>
    private static readonly TimeSpan s_maximumWait = TimeSpan.FromDays(1);

    /// <summary>Steps ready to run, in the order they became ready.</summary>
    private ReadySteps _runQueue = new();

    /// <summary>The batch being run (swapped with <see cref="_runQueue"/> each pass).</summary>
    private ReadySteps _batch = new();

    /// <summary>The sequence number of the last step queued.</summary>
    private long _stepSequence;

    /// <summary>How many steps have run.</summary>
    private long _stepsRun;

    /// <summary>The step count at which the run fails (<see cref="RunOptions.StepLimit"/>); -1 never matches.</summary>
    private readonly long _stepLimit;

    /// <summary>Token sources of scopes that became cancelled, cancelled between steps (see <see cref="DeferTokenCancellation"/>).</summary>
    private readonly List<CancellationTokenSource> _tokensToCancel = [];

    /// <summary>The task whose step is running, if any.</summary>
    private TrioTask? _currentTask;

    /// <summary>The idle actions a pass may take when nothing else happens.</summary>
    private enum IdleAction
    {
        /// <summary>Nothing.</summary>
        None,

        /// <summary>Wake the WaitAllTasksBlockedAsync waiters with the smallest cushion.</summary>
        WakeIdleWaiters,

        /// <summary>Move the virtual clock to the next deadline.</summary>
        Autojump,

        /// <summary>Stop counting departed work whose end was not seen within the grace period.</summary>
        GiveUpOnDepartures,
    }

    /// <summary>Gets how many steps have run.</summary>
    internal long StepsRun => _stepsRun;

    /// <summary>The real clock's time when the running step began, while <see cref="_stepTimeKnown"/>.</summary>
    private TimeSpan _stepTime;

    /// <summary>Whether <see cref="_stepTime"/> holds the running step's time.</summary>
    private bool _stepTimeKnown;

    /// <summary>
    /// Gets the time instruments see. On a real clock, events inside a step get the time the step began: reading the real
    /// clock costs tens of nanoseconds on a virtual machine (kvm-clock), and a trace recording two events a step paid that
    /// twice per checkpoint (a profile showed a third of the trace's cost in clock_gettime). A virtual clock is read
    /// every time: it costs a field read, and <see cref="VirtualClock.Jump"/> may move it within a step.
    /// </summary>
    internal TimeSpan EventTime => _stepTimeKnown ? _stepTime : Clock.Now;

    /// <summary>Gets how many steps are ready.</summary>
    internal int ReadyCount => _runQueue.Count;

    /// <summary>Runs <paramref name="main"/> as the <c>main</c> task and drives the loop until it is done.</summary>
    /// <param name="main">The main function.</param>
    /// <exception cref="InvalidOperationException">A run is already active on this thread.</exception>
    internal void Run(Func<Task> main) => RunMain(main, mainReturnedReason: null);

    /// <summary>
    /// Runs <paramref name="main"/> as the <c>main</c> task inside the run's own nursery (Trio's system nursery), which
    /// it receives for background tasks, and drives the loop until <c>main</c> and those tasks are done. When
    /// <c>main</c> returns, the nursery's scope is cancelled with <paramref name="mainReturnedReason"/>.
    /// </summary>
    /// <param name="main">The main function.</param>
    /// <param name="mainReturnedReason">What the background's cancellation says.</param>
    /// <exception cref="InvalidOperationException">A run is already active on this thread.</exception>
    internal void Run(Func<Nursery, Task> main, string mainReturnedReason) => RunMain(main, mainReturnedReason);

    /// <summary>Runs main (a <see cref="Func{Task}"/>, or a <see cref="Func{Nursery, Task}"/> with the run's nursery) and drives the loop.</summary>
    private void RunMain(Delegate main, string? mainReturnedReason)
    {
        if (s_current is { _running: true })
        {
            throw new InvalidOperationException(
                "Trio.Run was called inside a run on the same thread. Runs cannot nest: await the function directly, or start it in a nursery.");
        }

        SynchronizationContext? savedContext = SynchronizationContext.Current;
        s_current = this;
        _loopThreadId = Environment.CurrentManagedThreadId;
        _running = true;
        try
        {
            Instruments.OnBeforeRun();
            Clock.Start();
            Clock.Owner = this;
            StartWatchingDepartures();
            _strategy.OnRunStarting(_random);
            _rootScope = CancelScope.CreateRoot(this);
            if (mainReturnedReason is null)
            {
                _mainTask = SpawnTask(_options.MainTaskName, nursery: null, _rootScope, this, main);
            }
            else
            {
                // The run's nursery takes the root scope: every task of the run is under it either way.
                _mainTask = SpawnTask(_options.MainTaskName, nursery: null, _rootScope, this, main);
                _runNursery = Nursery.OpenForRun(this, _mainTask, _rootScope, mainReturnedReason);
            }

            Loop();
        }
        finally
        {
            _running = false;
            _runQueue.Release();
            _batch.Release();
            ReleaseTimers();
            StopWatchingDepartures();
            CloseInbox();
            SynchronizationContext.SetSynchronizationContext(null);
            Instruments.OnAfterRun();
            s_current = null;
            SynchronizationContext.SetSynchronizationContext(savedContext);
        }

        _fatal?.Throw();
        _mainError?.Throw();
    }

    /// <summary>Queues a step of <paramref name="task"/>; loop thread only.</summary>
    /// <param name="task">The task the step belongs to.</param>
    /// <param name="callback">
    /// A <see cref="SendOrPostCallback"/>, an <see cref="Action{T}"/> of object, an <see cref="Action"/>, a <see cref="Task"/>
    /// for the loop's scheduler, or, for the task's first step, the spawner's execution context (or <see cref="s_startWithoutContext"/>).
    /// </param>
    /// <param name="state">The callback's state (for a first step, the task's function).</param>
    internal void EnqueueStep(TrioTask task, object callback, object? state)
    {
        _runQueue.Add(new ReadyStep(task, ++_stepSequence, callback, state));
        task.QueuedSteps++;

        // Work can still come to a task that has exited (a callback queued for main once it has returned): it runs as a
        // step of that task, which stays exited.
        if (task.State != TrioTaskState.Exited)
        {
            task.State = TrioTaskState.Runnable;
        }

        if (Instruments.IsActive)
        {
            Instruments.OnTaskScheduled(task);
        }
    }

    /// <summary>Takes a continuation posted to <paramref name="task"/>'s synchronization context.</summary>
    internal void Post(TrioTask task, SendOrPostCallback callback, object? state)
    {
        if (IsLoopThread)
        {
            if (!TryResumeInline(task, callback, state))
            {
                EnqueueStep(task, callback, state);
            }
        }
        else if (_closed)
        {
            DropAfterClose(task, state, stack: null);
        }
        else
        {
            PostFromOtherThread(task, callback, state, EscapeKind.ForeignPost);
        }
    }

    /// <summary>Takes a task queued to the loop's <see cref="System.Threading.Tasks.TaskScheduler"/>.</summary>
    internal void QueueScheduledTask(Task task)
    {
        if (IsLoopThread)
        {
            EnqueueStep(CurrentTaskOrNull() ?? _mainTask!, task, null);
        }
        else if (_closed)
        {
            throw new InvalidOperationException("The TrioTest run that owns this TaskScheduler has ended: queue the task to TaskScheduler.Default instead.");
        }
        else
        {
            PostFromOtherThread(_mainTask!, task, null, EscapeKind.ForeignTaskQueue);
        }
    }

    /// <summary>Lists the tasks queued to the loop's scheduler (for the debugger only).</summary>
    internal IEnumerable<Task> GetQueuedTasksForDebugger() =>
        _runQueue.AsSpan().ToArray().Select(static step => step.Callback).OfType<Task>().ToArray();

    /// <summary>The loop itself; see the comment at the top of this file.</summary>
    private void Loop()
    {
        while (!_mainDone && _fatal is null)
        {
            TryDeliverExternalCompletion();
            bool ready = _runQueue.Count > 0;
            TimeSpan? nextDeadline = ready ? null : PeekNextDeadline();
            TimeSpan timeout = TimeSpan.Zero;
            IdleAction idle = IdleAction.None;
            if (!ready)
            {
                timeout = nextDeadline is { } deadline ? Clock.GetRealTimeUntil(deadline) : Timeout.InfiniteTimeSpan;
                if (_departuresInFlight > 0)
                {
                    // Work that left the loop may be about to come back: no autojump and no deadlock report meanwhile.
                    if (IsShorter(s_departureGrace, timeout))
                    {
                        timeout = s_departureGrace;
                        idle = IdleAction.GiveUpOnDepartures;
                    }
                }
                else if (_idleWaiters.Count > 0)
                {
                    TimeSpan cushion = MinimumCushion();
                    if (IsShorter(cushion, timeout))
                    {
                        timeout = cushion;
                        idle = IdleAction.WakeIdleWaiters;
                    }
                }
                else if (_virtualClock is { } clock && nextDeadline is not null && _externalWork == 0
                    && IsShorter(clock.AutojumpThreshold, timeout))
                {
                    timeout = clock.AutojumpThreshold;
                    idle = IdleAction.Autojump;
                }

                if (timeout == Timeout.InfiniteTimeSpan && _externalWork == 0 && _departuresInFlight == 0 && _detectDeadlocks && _inboxCount == 0)
                {
                    if (!DrainInbox(s_deadlockGracePeriod))
                    {
                        Fail(CreateDeadlockException());
                        return;
                    }

                    continue;
                }
            }

            if (IsShorter(s_maximumWait, timeout))
            {
                // As Trio clamps to a day: Monitor.Wait takes at most int.MaxValue milliseconds, and the loop re-checks anyway.
                timeout = s_maximumWait;
                idle = IdleAction.None;
            }

            if (!ready)
            {
                Instruments.OnBeforeIdleWait(timeout);
            }

            bool events = DrainInbox(timeout);
            if (ExpireTimers())
            {
                idle = IdleAction.None;
            }

            if (idle != IdleAction.None && _runQueue.Count == 0 && !events)
            {
                switch (idle)
                {
                    case IdleAction.WakeIdleWaiters:
                        WakeIdleWaiters();
                        break;
                    case IdleAction.GiveUpOnDepartures:
                        _departuresInFlight = 0;
                        break;
                    default:
                        Autojump(nextDeadline!.Value);
                        break;
                }
            }

            if (_runQueue.Count > 0 && _fatal is null)
            {
                RunBatch();
            }
        }
    }

    /// <summary>Runs one batch, or one step when the strategy picks one step at a time.</summary>
    private void RunBatch()
    {
        if (_strategy.PicksOneStepAtATime)
        {
            int index = _strategy.PickNext(_runQueue.AsSpan());
            if ((uint)index >= (uint)_runQueue.Count)
            {
                throw new InvalidOperationException(
                    $"{_strategy} picked step {index}, but only {_runQueue.Count} are ready: PickNext must return an index into the span it was given.");
            }

            ReadyStep step = _runQueue[index];
            _runQueue.RemoveAt(index);
            RunStep(step);
            return;
        }

        (_batch, _runQueue) = (_runQueue, _batch);
        Span<ReadyStep> batch = _batch.AsSpan();
        _strategy.OrderBatch(batch);
        for (int i = 0; i < batch.Length; i++)
        {
            if (_mainDone || _fatal is not null)
            {
                // What is left belongs to no living task (main's end means every nursery has closed).
                break;
            }

            RunStep(batch[i]);
        }

        _batch.Clear();
    }

    /// <summary>Runs one step with its task's synchronization context current.</summary>
    private void RunStep(in ReadyStep step)
    {
        TrioTask task = step.Task;
        task.QueuedSteps--;
        _currentTask = task;
        _steppingTask = task;
        Beat();
        SynchronizationContext.SetSynchronizationContext(task);
        bool instrumented = Instruments.IsActive;
        if (instrumented)
        {
            if (!Clock.IsVirtual)
            {
                _stepTime = Clock.Now;
                _stepTimeKnown = true;
            }

            Instruments.OnBeforeTaskStep(task);
        }

        try
        {
            switch (step.Callback)
            {
                case Action<object?> action:
                    action(step.State);
                    break;
                case SendOrPostCallback callback:
                    callback(step.State);
                    break;
                case Task scheduled:
                    TaskScheduler.Execute(scheduled);
                    break;
                case ExecutionContext startContext:
                    StartTask(task, startContext, step.State);
                    break;
                case Action action:
                    action();
                    break;
                case var marker when marker == s_startWithoutContext:
                    StartTask(task, context: null, step.State);
                    break;
                default:
                    throw new InvalidOperationException(
                        $"A step's callback was a {step.Callback.GetType().Name}, which the loop cannot run. This is a bug in TrioTest; please report it.");
            }
        }
        catch (Exception e)
        {
            // Continuations of async methods never throw (their exceptions go into their Task); what gets
            // here is an async void method's exception or a throwing callback posted by hand.
            Fail(StepThrew(task, e));
        }

        if (_tokensToCancel.Count != 0)
        {
            FlushTokenCancellations();
        }

        if (++_stepsRun == _stepLimit && !_mainDone)
        {
            Fail(CreateStepLimitException(_stepLimit));
        }

        Beat();
        task.RefreshState();
        if (instrumented)
        {
            Instruments.OnAfterTaskStep(task);
            _stepTimeKnown = false;
        }

        _strategy.OnStepCompleted(step);
        _currentTask = null;
    }

    /// <summary>The error that ends the run when a step of <paramref name="task"/> threw <paramref name="error"/>.</summary>
    private static InvalidOperationException StepThrew(TrioTask task, Exception error) => new(
        $"A step of task {task.Path} threw {error.GetType().Name}: {error.Message}. This usually comes from an 'async void' method; make it return Task and await it.", error);

    /// <summary>
    /// Queues a scope's token source to be cancelled when the current step (or timer, or inbox action) ends. Its
    /// callbacks belong to other tasks: run inside the cancelling step they would run another task's code there,
    /// which Trio's cancel never does. They run with no context current, so <c>ConfigureAwait(false)</c> stays on the loop.
    /// </summary>
    internal void DeferTokenCancellation(CancellationTokenSource source) => _tokensToCancel.Add(source);

    /// <summary>Cancels the deferred token sources now, before the step ends: for a decision that depends on them within the step.</summary>
    internal void FlushTokenCancellationsNow()
    {
        if (_tokensToCancel.Count != 0)
        {
            FlushTokenCancellations();
        }
    }

    /// <summary>Cancels the deferred token sources, in the order their scopes were cancelled.</summary>
    private void FlushTokenCancellations()
    {
        SynchronizationContext? saved = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            for (int i = 0; i < _tokensToCancel.Count; i++)
            {
                _tokensToCancel[i].Cancel();
            }
        }
        catch (Exception e)
        {
            Fail(new InvalidOperationException($"A callback registered on a cancel scope's token threw {e.GetType().Name}: {e.Message}. Token callbacks must not throw.", e));
        }
        finally
        {
            _tokensToCancel.Clear();
            SynchronizationContext.SetSynchronizationContext(saved);
        }
    }

    /// <summary>Compares two waits where <see cref="Timeout.InfiniteTimeSpan"/> is the longest.</summary>
    private static bool IsShorter(TimeSpan a, TimeSpan b) =>
        a != Timeout.InfiniteTimeSpan && (b == Timeout.InfiniteTimeSpan || a < b);
}
