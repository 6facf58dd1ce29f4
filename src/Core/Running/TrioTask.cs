using System.Diagnostics;

namespace TrioTest;

/// <summary>
/// A task of a run: <c>main</c> or a nursery child. Tasks have a name, a stable path (<c>main/a-&gt;b</c>),
/// per-task checkpoint counters, and, while blocked on a TrioTest primitive, a description of what they wait for.
/// </summary>
/// <remarks>
/// <para>Read a task's properties on the loop thread (inside the run or an instrument). A task is identified by
/// <see cref="Id"/>, its spawn order, which is the same in every run with the same seed and code.</para>
/// <para>A task is also the <see cref="SynchronizationContext"/> current while its steps run: <see cref="Post"/> queues
/// a callback as a step of the task, from any thread, which is what an <c>await</c> inside the task does when the
/// awaited work completes.</para>
/// </remarks>
[DebuggerDisplay("{Path} ({State})")]
public sealed partial class TrioTask : SynchronizationContext
{
    /// <summary>How many of the parent task's children had this name when this one was spawned, this one included.</summary>
    private readonly int _pathOrdinal;

    /// <summary>The last checkpoint's source file; null (never null in a real checkpoint) until the first.</summary>
    /// <remarks>
    /// The last checkpoint is kept as loose fields, not a <see cref="CheckpointLocation"/>: the struct pads to 24 bytes,
    /// while its line and kind pack beside the task's other small fields. Ten thousand sleepers are ten thousand live
    /// tasks, and a task's size is most of what a collection copies.
    /// </remarks>
    private string? _checkpointFile;

    /// <summary>The last checkpoint's label.</summary>
    private string? _checkpointLabel;

    /// <summary>The last checkpoint's line.</summary>
    private int _checkpointLine;

    /// <summary>The last checkpoint's kind, as a byte.</summary>
    private byte _checkpointKind;

    /// <summary>Where the task is in its life (one byte, packed with the other small fields).</summary>
    private byte _state;

    /// <summary>The path, built the first time it is read: most tasks of a run that prints nothing never need it.</summary>
    private string? _path;

    internal TrioTask(Runner runner, long id, string name, Nursery? parentNursery, ITaskOwner owner)
    {
        Runner = runner;
        Id = id;
        Name = name;
        _pathOrdinal = parentNursery?.ParentTask.ClaimChildOrdinal(name) ?? 1;
        ParentNursery = parentNursery;
        if (owner != (ITaskOwner?)parentNursery && owner != runner)
        {
            (_rare ??= new()).Owner = owner;
        }

        // The runtime then reports every blocking wait on a thread where this task is the context (all but Thread.Sleep) to Wait.
        SetWaitNotificationRequired();
    }

    /// <summary>Gets the task's name: the name given when it was started, or its function's name.</summary>
    public string Name { get; }

    /// <summary>Gets how many of the parent task's children had this name when this one was spawned, this one included: the path's <c>#n</c>.</summary>
    internal int PathOrdinal => _pathOrdinal;

    /// <summary>Gets the task's path from <c>main</c>, unique within the run, such as <c>main/worker#2</c>.</summary>
    public string Path => _path ??= BuildPath();

    /// <summary>Gets the spawn order of the task within its run (main is 0).</summary>
    public long Id { get; }

    /// <summary>Gets where the task is in its life.</summary>
    public TrioTaskState State
    {
        get => (TrioTaskState)_state;
        internal set => _state = (byte)value;
    }

    /// <summary>Gets how many schedule points the task has passed (checkpoints that yield to the scheduler).</summary>
    public long SchedulePoints { get; internal set; }

    /// <summary>Gets how many cancel points the task has passed (checkpoints that may throw <see cref="Cancelled"/>).</summary>
    public long CancelPoints { get; internal set; }

    /// <summary>Gets the last checkpoint the task passed, or <see langword="null"/> if it has passed none.</summary>
    public CheckpointLocation? LastCheckpoint =>
        _checkpointFile is null ? null : new CheckpointLocation((CheckpointKind)_checkpointKind, _checkpointLabel, _checkpointFile, _checkpointLine);

    /// <summary>Gets what the task waits for while it is blocked on a TrioTest primitive (such as <c>sleep until 00:01:00</c>); otherwise, <see langword="null"/>.</summary>
    public string? WaitingFor => CurrentWait?.Description.ToString();

    /// <summary>Gets the nursery the task runs in, or <see langword="null"/> for <c>main</c>.</summary>
    public Nursery? ParentNursery { get; }

    /// <summary>Gets or sets the scope the task started in (its nursery's); the fallback when a step runs without the task's execution context.</summary>
    internal CancelScope InitialScope { get; init; } = null!;

    /// <summary>Gets the run this task belongs to.</summary>
    internal Runner Runner { get; }

    /// <summary>Gets or sets how many of this task's steps are in the run queue.</summary>
    internal int QueuedSteps { get; set; }

    /// <summary>Gets or sets the task's latest blocking wait still in progress (a task may await several at once through Task.WhenAll).</summary>
    internal Waiter? CurrentWait { get; set; }

    /// <summary>Gets or sets the locks the task holds, so its exit can break any it forgot to release (Trio 0.34).</summary>
    internal List<AsyncLock>? OwnedLocks
    {
        get => _rare?.OwnedLocks;
        set => (_rare ??= new()).OwnedLocks = value;
    }

    /// <summary>Gets or sets a value indicating whether the task is one of its nursery's children (a child started with <c>StartAsync</c> joins once it reports started).</summary>
    internal bool IsInNursery { get; set; }

    /// <summary>What only some tasks need (a lock held, a child spawned), in an object of its own so the others do not carry it.</summary>
    private RareState? _rare;

    /// <summary>Gets what the task belongs to: it calls the function and hears of its end.</summary>
    /// <remarks>Its nursery for a child, the run for main; only a child being started has an owner of its own to keep.</remarks>
    internal ITaskOwner Owner => _rare?.Owner ?? (ITaskOwner?)ParentNursery ?? Runner;

    /// <summary>Gets or sets the function's task while the function runs; awaited once, by the runner.</summary>
    internal ValueTask FunctionTask { get; set; }

    /// <summary>Gets or sets the previous task in the run's living list (spawn order).</summary>
    internal TrioTask? PreviousLiving { get; set; }

    /// <summary>Gets or sets the next task in the run's living list (spawn order).</summary>
    internal TrioTask? NextLiving { get; set; }

    /// <summary>
    /// Creates the continuation registered on a function's <see cref="ValueTask"/> over some other source: bound to this
    /// task, because such a source may run it wherever it completes (see <see cref="Runner.StartFunction"/>).
    /// </summary>
    internal Action CreateFunctionEndContinuation() => OnFunctionTaskCompleted;

    /// <inheritdoc/>
    public override string ToString() => $"TrioTask {Path} ({State})";

    /// <summary>Counts one more child named <paramref name="name"/>, to keep paths unique: <c>parent/name</c>, then <c>parent/name#2</c>...</summary>
    /// <param name="name">The child's name.</param>
    /// <returns>How many children have had this name, the new one included.</returns>
    private int ClaimChildOrdinal(string name)
    {
        Dictionary<string, int> counts = (_rare ??= new()).ChildNameCounts ??= new(StringComparer.Ordinal);
        ref int count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, name, out _);
        return ++count;
    }

    /// <summary>Builds the path from the parent's: <c>parent/name</c>, or <c>parent/name#n</c> for the n-th child of that name.</summary>
    /// <remarks>A task never changes nursery (a started child moves into the nursery it was spawned for), so its parent task is fixed.</remarks>
    private string BuildPath() => ParentNursery is not { ParentTask: var parent } ? Name
        : _pathOrdinal == 1 ? $"{parent.Path}/{Name}"
        : $"{parent.Path}/{Name}#{_pathOrdinal}";

    /// <summary>Reports the end of the function; runs on the loop (see <see cref="Runner.StartFunction"/>).</summary>
    private void OnFunctionTaskCompleted() => Runner.EndFunction(this);

    /// <summary>Remembers the checkpoint the task just passed.</summary>
    /// <param name="kind">The kind of checkpoint.</param>
    /// <param name="label">Its label.</param>
    /// <param name="filePath">The caller's file.</param>
    /// <param name="line">The caller's line.</param>
    internal void PassCheckpoint(CheckpointKind kind, string? label, string filePath, int line)
    {
        _checkpointKind = (byte)kind;
        _checkpointLabel = label;
        _checkpointFile = filePath;
        _checkpointLine = line;
    }

    /// <summary>Recomputes <see cref="State"/> from the queued steps, after a step ran or one was queued.</summary>
    internal void RefreshState()
    {
        if (State != TrioTaskState.Exited)
        {
            State = QueuedSteps > 0 ? TrioTaskState.Runnable : TrioTaskState.Blocked;
        }
    }

    /// <summary>The state only some tasks need.</summary>
    private sealed class RareState
    {
        /// <summary>Gets or sets how many children of the task have claimed each name, to keep paths unique (looked up, never iterated).</summary>
        public Dictionary<string, int>? ChildNameCounts { get; set; }

        /// <summary>Gets or sets the locks the task holds.</summary>
        public List<AsyncLock>? OwnedLocks { get; set; }

        /// <summary>Gets or sets the owner of a task that belongs neither to its nursery nor to the run (a child being started).</summary>
        public ITaskOwner? Owner { get; set; }
    }
}
