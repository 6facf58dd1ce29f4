using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace TrioTest;

/// <summary>
/// Trio's <c>Lock</c>: a fair mutex owned by a task. A release hands the lock straight to the task that has waited
/// longest, so no task can barge in; re-acquiring it or releasing a lock you do not own is an error.
/// </summary>
/// <remarks>
/// If the owner exits without releasing, the lock breaks (as in Trio 0.34): waiters and later acquirers get
/// <see cref="BrokenResourceException"/>. Named <c>AsyncLock</c> because <c>System.Threading.Lock</c> is in every project's implicit usings. Acquiring is a
/// checkpoint; a task cancelled while waiting leaves the queue and never receives the lock.
/// </remarks>
/// <example>
/// <code>
/// using (await accountsLock.LockAsync())
/// {
///     await TransferAsync(a, b, amount);
/// }
/// </code>
/// </example>
[DebuggerDisplay("{ToString(),nq}")]
public class AsyncLock : IHeldResource
{
    /// <summary>Initializes an unlocked lock.</summary>
    /// <param name="name">A name shown in traces and deadlock reports.</param>
    public AsyncLock(string? name = null)
        : this(name, "Lock")
    {
    }

    /// <summary>Initializes an unlocked lock of the given kind (for <see cref="StrictFifoLock"/>).</summary>
    private protected AsyncLock(string? name, string kind)
    {
        Lot = new ParkingLot(name is null ? kind : $"{kind} \"{name}\"") { Resource = this };
    }

    /// <summary>The task holding the lock.</summary>
    private TrioTask? _owner;

    /// <summary>Set when the owner exited without releasing: the lock can never be taken again.</summary>
    private string? _brokenBecause;

    /// <summary>Gets the task holding the lock, or <see langword="null"/>.</summary>
    public TrioTask? Owner
    {
        get => _owner;
        private set
        {
            _owner?.OwnedLocks?.Remove(this);
            _owner = value;
            if (value is not null)
            {
                (value.OwnedLocks ??= []).Add(this);
            }
        }
    }

    /// <summary>Gets a value indicating whether the lock is broken: its owner exited without releasing it, so every acquire throws <see cref="BrokenResourceException"/>.</summary>
    public bool IsBroken => _brokenBecause is not null;

    /// <summary>Gets a value indicating whether the lock is held.</summary>
    public bool IsLocked => Owner is not null;

    /// <summary>Gets the waiters.</summary>
    internal ParkingLot Lot { get; }

    /// <inheritdoc/>
    string IHeldResource.Description => Lot.Name;

    /// <inheritdoc/>
    IReadOnlyList<TrioTask> IHeldResource.Holders => Owner is null ? [] : [Owner];

    /// <summary>Acquires the lock, waiting if another task holds it: a checkpoint.</summary>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    /// <returns>An awaitable that completes when the calling task owns the lock; await it exactly once.</returns>
    /// <exception cref="InvalidOperationException">The calling task already holds the lock, or the call is outside a run or off its loop thread.</exception>
    /// <exception cref="BrokenResourceException">The lock's owner exited without releasing it (thrown at once, or by the await for a waiter).</exception>
    /// <exception cref="Cancelled">Thrown by the await if the scope is cancelled first; the lock is then not acquired.</exception>
    public ValueTask AcquireAsync([CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
    {
        Runner runner = Runner.GetCurrent($"{GetType().Name}.AcquireAsync");
        Ambient ambient = runner.CurrentAmbient();
        if (ambient.Scope.IsEffectivelyCancelled)
        {
            // Trio checks for cancellation first: a cancelled task gets Cancelled, whatever else is wrong.
            return runner.CancelledCheckpointAsync(ambient, Lot.Name, filePath, line);
        }

        ThrowIfOwnedBy(ambient.Task);
        ThrowIfBroken();

        if (Owner is null && Lot.Count == 0)
        {
            // Trio: a cancel point, take it, then a schedule point that cannot throw (the lock must not be lost).
            Owner = ambient.Task;
            ambient.Task.CancelPoints++;
            return runner.CheckpointAsync(CheckpointKind.Shielded, Lot.Name, filePath, line);
        }

        return Lot.Park(runner, null, filePath, line, out _);
    }

    /// <summary>Acquires the lock and returns a releaser for a <c>using</c> block.</summary>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    /// <returns>A releaser whose <see cref="LockReleaser.Dispose"/> releases the lock.</returns>
    /// <exception cref="InvalidOperationException">The calling task already holds the lock, or the call is outside a run or off its loop thread.</exception>
    /// <exception cref="Cancelled">The scope was cancelled first; the lock is then not acquired.</exception>
    [AsyncMethodBuilder(typeof(LoopValueTaskMethodBuilder<>))]
    public async ValueTask<LockReleaser> LockAsync([CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
    {
        await AcquireAsync(filePath, line);
        return new LockReleaser(this);
    }

    /// <summary>Acquires the lock if it is free and nobody waits for it; never blocks, never yields.</summary>
    /// <returns><see langword="true"/> if the calling task now owns the lock.</returns>
    /// <exception cref="BrokenResourceException">The lock's owner exited without releasing it.</exception>
    /// <exception cref="InvalidOperationException">The calling task already holds the lock, or the call is outside a run or off its loop thread.</exception>
    public bool TryAcquire()
    {
        TrioTask task = Runner.GetCurrent($"{GetType().Name}.TryAcquire").CurrentAmbient().Task;
        ThrowIfOwnedBy(task);
        ThrowIfBroken();
        if (Owner is not null || Lot.Count != 0)
        {
            return false;
        }

        Owner = task;
        return true;
    }

    /// <summary>Releases the lock; if tasks wait, the one that waited longest owns it now.</summary>
    /// <exception cref="InvalidOperationException">The calling task does not hold the lock, or the call is outside a run or off its loop thread.</exception>
    public void Release()
    {
        TrioTask task = Runner.GetCurrent($"{GetType().Name}.Release").CurrentAmbient().Task;
        if (Owner != task)
        {
            throw new InvalidOperationException(Owner is null
                ? $"Task {task.Path} released {Lot.Name}, which nobody holds: release a lock only after acquiring it, once."
                : $"Task {task.Path} released {Lot.Name}, which {Owner.Path} holds: only the task that acquired a lock may release it.");
        }

        Owner = Lot.PeekFirstTask();
        if (Owner is not null)
        {
            Lot.Unpark(1);
        }
    }

    /// <summary>Gets the lock's statistics.</summary>
    /// <returns>Whether it is held, by whom, and how many tasks wait.</returns>
    public LockStatistics GetStatistics() => new(IsLocked, Owner, Lot.Count);

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Lot.Name} ({(Owner is null ? "free" : $"held by {Owner.Path}")}, {Lot.Count} waiting)";

    /// <summary>
    /// Breaks the lock because <paramref name="owner"/> exited while holding it (Trio 0.34): waiting and future acquirers
    /// get <see cref="BrokenResourceException"/> instead of waiting forever for a release that cannot come.
    /// </summary>
    internal void BreakBecauseOwnerExited(TrioTask owner)
    {
        _brokenBecause = $"The owner of {Lot.Name}, task {owner.Path}, exited without releasing it: release locks in a finally block or with 'using (await l.LockAsync())'.";
        Owner = null;
        while (Lot.PeekFirstWaiter() is { } waiter)
        {
            TrioTask task = waiter.Task!;
            Lot.TakeFirst();
            waiter.Wake(error: new BrokenResourceException(_brokenBecause));
            task.Runner.Instruments.OnUnparked(task, Lot.Name);
        }
    }

    /// <summary>Throws if the lock is broken.</summary>
    private void ThrowIfBroken()
    {
        if (_brokenBecause is not null)
        {
            throw new BrokenResourceException(_brokenBecause);
        }
    }

    /// <summary>Throws if <paramref name="task"/> holds the lock already.</summary>
    private void ThrowIfOwnedBy(TrioTask task)
    {
        if (Owner == task)
        {
            throw new InvalidOperationException(
                $"Task {task.Path} tried to acquire {Lot.Name}, which it already holds: TrioTest locks are not re-entrant. Release it first, or restructure so the lock is taken once.");
        }
    }
}

/// <summary>Releases an <see cref="AsyncLock"/> when disposed; returned by <see cref="AsyncLock.LockAsync"/>.</summary>
public readonly struct LockReleaser : IDisposable
{
    /// <summary>The lock to release.</summary>
    private readonly AsyncLock? _lock;

    internal LockReleaser(AsyncLock owner) => _lock = owner;

    /// <summary>Releases the lock.</summary>
    /// <exception cref="InvalidOperationException">The calling task no longer holds the lock.</exception>
    public void Dispose() => _lock?.Release();
}
