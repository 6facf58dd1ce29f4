namespace TrioTest;

/// <summary>Checkpoints, sleeps and other waits: the pooled <see cref="Waiter"/>s under every awaitable of the library.</summary>
internal sealed partial class Runner
{
    /// <summary>
    /// The most waiters a thread keeps for reuse (about 2.4 MB): as many as ten thousand sleeping tasks hold at once, so
    /// such a run does not allocate them again. A thread keeps only as many as its busiest run had out at once.
    /// </summary>
    private const int MaxPooledWaiters = 1 << 14;

    /// <summary>
    /// Waiters ready for reuse on this thread. Per thread rather than per run, so a test's runs (an exploration runs
    /// thousands) reuse each other's waiters; only the loop thread rents and returns them.
    /// </summary>
    [ThreadStatic]
    private static Stack<Waiter>? s_waiterPool;

    /// <summary>The loop thread's pool, read once per run rather than as a thread-static on every checkpoint.</summary>
    private readonly Stack<Waiter> _waiterPool = s_waiterPool ??= new();

    /// <summary>The waiter rented last: a task's function that is one wait of the loop's own returns it (see <see cref="StartFunction"/>).</summary>
    private Waiter? _lastRentedWaiter;

    /// <summary>Rents a waiter from the pool.</summary>
    internal Waiter RentWaiter()
    {
        Waiter waiter = _waiterPool.TryPop(out Waiter? pooled) ? pooled : new Waiter();
        _lastRentedWaiter = waiter;
        return waiter;
    }

    /// <summary>Returns a waiter whose result was consumed.</summary>
    internal void ReturnWaiter(Waiter waiter)
    {
        waiter.Reset();
        if (_waiterPool.Count < MaxPooledWaiters)
        {
            _waiterPool.Push(waiter);
        }
    }

    /// <summary>A checkpoint of the given kind for the calling task.</summary>
    internal ValueTask CheckpointAsync(CheckpointKind kind, string? label, string filePath, int line)
    {
        Ambient ambient = CurrentAmbient();
        TrioTask task = ambient.Task;
        RecordCheckpoint(task, kind, label, filePath, line);
        switch (kind)
        {
            case CheckpointKind.IfCancelled:
                task.CancelPoints++;
                if (!ambient.Scope.IsEffectivelyCancelled)
                {
                    return default;
                }

                task.SchedulePoints++;
                return Yield(task, ambient.Scope);
            case CheckpointKind.Shielded:
                task.SchedulePoints++;
                return Yield(task, checkScope: null);
            default:
                task.SchedulePoints++;
                task.CancelPoints++;
                return Yield(task, ambient.Scope);
        }
    }

    /// <summary>Sleeps the calling task until <paramref name="deadline"/>: a checkpoint that blocks until then, unless cancelled.</summary>
    internal ValueTask SleepUntilAsync(TimeSpan deadline, string? label, string filePath, int line)
    {
        Ambient ambient = CurrentAmbient();
        TrioTask task = ambient.Task;
        RecordCheckpoint(task, CheckpointKind.Wait, label ?? "sleep", filePath, line);
        task.SchedulePoints++;
        task.CancelPoints++;
        if (ambient.Scope.IsEffectivelyCancelled)
        {
            return FailedYield(task, ambient.Scope);
        }

        if (deadline <= Clock.Now)
        {
            // A past deadline is a plain checkpoint (Trio's sleep_until).
            return Yield(task, ambient.Scope);
        }

        Waiter waiter = RentWaiter();
        waiter.InitializePark(task, ambient.Scope, queue: null, WaitDescription.SleepUntil(deadline));
        if (deadline != Never.Deadline)
        {
            waiter.SleepUntil(this, deadline);
        }

        return new ValueTask(waiter, waiter.Version);
    }

    /// <summary>
    /// Parks the calling task until something calls <see cref="Waiter.Wake"/> on the returned waiter, or its cancel
    /// scope is cancelled: the building block of blocking primitives. A full checkpoint: if the scope is already
    /// cancelled, it yields and throws instead of parking.
    /// </summary>
    /// <param name="description">What the task waits for, for the deadlock report.</param>
    /// <param name="queue">The queue that holds the waiter, asked to let it go on cancellation; <see langword="null"/> if none needs asking.</param>
    /// <param name="label">The checkpoint label.</param>
    /// <param name="filePath">The caller's file.</param>
    /// <param name="line">The caller's line.</param>
    /// <param name="waiter">The waiter to wake, or <see langword="null"/> when the wait did not park.</param>
    /// <returns>The awaitable.</returns>
    internal ValueTask ParkAsync(WaitDescription description, IWaitQueue? queue, string? label, string filePath, int line, out Waiter? waiter)
    {
        Ambient ambient = CurrentAmbient();
        TrioTask task = ambient.Task;
        RecordCheckpoint(task, CheckpointKind.Wait, label ?? description.ToString(), filePath, line);
        task.SchedulePoints++;
        task.CancelPoints++;
        if (ambient.Scope.IsEffectivelyCancelled)
        {
            waiter = null;
            return FailedYield(task, ambient.Scope);
        }

        waiter = RentWaiter();
        waiter.InitializePark(task, ambient.Scope, queue, description);
        return new ValueTask(waiter, waiter.Version);
    }

    /// <summary>
    /// Parks the calling task in a wait that cancellation cannot abort (a nursery's exit, a start, work on another
    /// thread): the code that wakes it decides the outcome. Counts as a schedule point only, as Trio's nursery exit does.
    /// </summary>
    /// <returns>The waiter to wake; await <c>new ValueTask(waiter, waiter.Version)</c> or its generic form for a result.</returns>
    internal Waiter ParkUnabortable(WaitDescription description, string? label, string filePath, int line)
    {
        TrioTask task = CurrentAmbient().Task;
        RecordCheckpoint(task, CheckpointKind.Wait, label, filePath, line);
        task.SchedulePoints++;
        Waiter waiter = RentWaiter();
        waiter.InitializePark(task, abortScope: null, queue: null, description);
        return waiter;
    }

    /// <summary>
    /// A full checkpoint for a blocking operation called inside a cancelled scope: the cancellation is decided now, as
    /// Trio delivers it at park time, so nothing another task does during the yield (turning a shield on) can make the
    /// operation return as if it had succeeded.
    /// </summary>
    internal ValueTask CancelledCheckpointAsync(Ambient ambient, string? label, string filePath, int line)
    {
        RecordCheckpoint(ambient.Task, CheckpointKind.Checkpoint, label, filePath, line);
        ambient.Task.SchedulePoints++;
        ambient.Task.CancelPoints++;
        return FailedYield(ambient.Task, ambient.Scope);
    }

    /// <summary>A schedule point that then throws the scope's <see cref="Cancelled"/>.</summary>
    private ValueTask FailedYield(TrioTask task, CancelScope scope)
    {
        Waiter waiter = RentWaiter();
        waiter.InitializeFailedYield(task, new Cancelled(scope.GetEffectiveReason(), scope.CreatedToken));
        return new ValueTask(waiter, waiter.Version);
    }

    /// <summary>A schedule point: the task goes round the scheduler once; with <paramref name="checkScope"/>, a cancel point on resume.</summary>
    private ValueTask Yield(TrioTask task, CancelScope? checkScope)
    {
        Waiter waiter = RentWaiter();
        waiter.InitializeYield(task, checkScope);
        return new ValueTask(waiter, waiter.Version);
    }

    /// <summary>Remembers the task's last checkpoint and tells the instruments.</summary>
    private void RecordCheckpoint(TrioTask task, CheckpointKind kind, string? label, string filePath, int line)
    {
        task.PassCheckpoint(kind, label, filePath, line);
        if (Instruments.IsActive)
        {
            Instruments.OnCheckpoint(task, kind, label, filePath, line);
        }
    }
}
