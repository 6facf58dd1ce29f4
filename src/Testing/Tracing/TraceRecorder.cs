using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace TrioTest.Testing;

/// <summary>
/// An instrument that records a run's <see cref="CheckpointTrace"/>: every spawn, step, checkpoint, wait, wake-up,
/// cancellation, exit, note, clock jump and escape, in order. The harness installs one in every schedule it runs;
/// install your own in <see cref="RunOptions.Instruments"/> to trace a plain <see cref="Trio.Run(Func{Task}, RunOptions?)"/>.
/// </summary>
/// <remarks>
/// The recorder keeps a window of the most recent events (<see cref="Window"/>), so a run's memory stays bounded however
/// long it runs. An event that leaves the window is folded into a running SHA-256 of the canonical lines before it, so
/// the trace's <see cref="CheckpointTrace.Hash"/> still covers the whole run; only a run longer than the window pays for
/// that, one formatted line per dropped event. Events are kept as compact <see cref="TraceRecord"/>s whose task names and
/// call sites are interned, so recording formats no text: the text exists only when a trace is read, printed or hashed.
/// </remarks>
/// <example>
/// <code>
/// var recorder = new TraceRecorder();
/// var options = new RunOptions { Clock = VirtualClock.CreateAutojumping() };
/// options.Instruments.Add(recorder);
/// Trio.Run(MainAsync, options);
/// Console.WriteLine(recorder.GetTrace().ToCanonicalText());
/// </code>
/// </example>
public sealed class TraceRecorder : Instrument
{
    /// <summary>The default <see cref="Window"/>: 100,000 events, a few megabytes.</summary>
    public const int DefaultWindow = 100_000;

    /// <summary>
    /// How many records a new recorder has room for. Most tests record a few dozen events and every test gets a recorder of
    /// its own, so a recorder starts small and doubles: a larger first ring was most of what a one-schedule test allocated.
    /// </summary>
    private const int InitialRecords = 32;

    /// <summary>The events kept, oldest at <see cref="_start"/>; the array grows by doubling until it holds <see cref="Window"/> events, then wraps.</summary>
    private TraceRecord[] _ring;

    /// <summary>The index of the oldest event kept; nonzero only once the window is full and wrapping.</summary>
    private int _start;

    /// <summary>How many events are kept.</summary>
    private int _count;

    /// <summary>How many events left the window.</summary>
    private long _dropped;

    /// <summary>The SHA-256 of the canonical lines of the dropped events, fed as they leave; null until the first one does.</summary>
    private IncrementalHash? _droppedHash;

    /// <summary>The canonical line of a dropped event, reused.</summary>
    private StringBuilder? _line;

    /// <summary>The texts of each call site seen, so recording a checkpoint allocates nothing in the steady state.</summary>
    private readonly Dictionary<(string FilePath, int Line), TraceRecord.SourceSite> _sources = [];

    /// <summary>
    /// The last call sites found, by the identity of the compiler's file path string (a literal, so the same object at every
    /// call) and the line: a hit skips hashing the path. Only a cache: the site found is the same either way.
    /// </summary>
    private readonly (string? FilePath, int Line, TraceRecord.SourceSite? Site)[] _recentSites = new (string?, int, TraceRecord.SourceSite?)[RecentSites];

    /// <summary>The size of <see cref="_recentSites"/>, a power of two.</summary>
    private const int RecentSites = 64;

    /// <summary>The names of each task, by <see cref="TrioTask.Id"/>: kept for the next run below <see cref="KeptNames"/>, dropped when the task exits above it.</summary>
    private TraceRecord.TaskNames?[] _tasks = new TraceRecord.TaskNames?[16];

    /// <summary>
    /// The live task each entry of <see cref="_tasks"/> was found for in this run, by <see cref="TrioTask.Id"/>: an event
    /// of that task finds its names with one comparison. Cleared when the task exits, so no task outlives its run here.
    /// </summary>
    private TrioTask?[] _namedTasks = new TrioTask?[16];

    /// <summary>The task whose names were looked up last, and its names; cleared with <see cref="_namedTasks"/>.</summary>
    private TrioTask? _lastNamed;

    /// <summary>The names of <see cref="_lastNamed"/>.</summary>
    private TraceRecord.TaskNames? _lastNames;

    /// <summary>
    /// The names of the first tasks of a run are kept for the next run (an exploration's schedules spawn the same tasks in the
    /// same order), and reused when the next task with that id has the same path: no names and no path hash per task per
    /// schedule. Past this id, names go when their task exits, so a run of a million tasks keeps only the live ones'.
    /// </summary>
    private const int KeptNames = 1024;

    /// <summary>How many records of a run <see cref="Clear"/> may leave in the ring rather than clear.</summary>
    private const int KeptRecords = 256;

    /// <summary>The fingerprint of the events recorded so far, before its final mix; see <see cref="Fingerprint"/>.</summary>
    private ulong _fingerprint = StableHash.Empty;

    /// <summary>The last labels looked up, by identity, in sets of two, with their hash and id (-1 until asked); see <see cref="LabelHash"/>.</summary>
    private readonly (string? Label, ulong Hash, int Id)[] _recentLabels = new (string?, ulong, int)[RecentLabels];

    /// <summary>The id of each label <see cref="LabelId"/> was asked for, by text: ids are small and dense, for arrays indexed by label.</summary>
    private readonly Dictionary<string, int> _labelIds = new(StringComparer.Ordinal);

    /// <summary>The size of <see cref="_recentLabels"/>, a power of two.</summary>
    private const int RecentLabels = 64;

    /// <summary>The hash of a missing label, which differs from the empty label's.</summary>
    private static readonly ulong s_nullLabelHash = StableHash.Add(StableHash.Empty, (string?)null);

    /// <summary>The names of the clock's events.</summary>
    private static readonly TraceRecord.TaskNames s_clock = new("(clock)", "(clock)");

    /// <summary>Initializes a new instance of the <see cref="TraceRecorder"/> class that keeps the last <see cref="DefaultWindow"/> events.</summary>
    public TraceRecorder()
        : this(DefaultWindow)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TraceRecorder"/> class that keeps the last <paramref name="window"/> events.</summary>
    /// <param name="window">How many of the most recent events to keep; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is below 1.</exception>
    public TraceRecorder(int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        Window = window;
        _ring = new TraceRecord[Math.Min(InitialRecords, window)];
    }

    /// <summary>Gets how many of the most recent events the recorder keeps.</summary>
    public int Window { get; }

    /// <summary>Gets how many events the recorder keeps now: at most <see cref="Window"/>.</summary>
    public int Count => _count;

    /// <summary>Gets how many events were recorded in all, the dropped ones included.</summary>
    public long TotalCount => _dropped + _count;

    /// <summary>Gets a snapshot of the events recorded so far. Call it on the loop thread while the run is active, or after it.</summary>
    /// <returns>The trace: the events in the window, with the count and hash of those dropped before it.</returns>
    public CheckpointTrace GetTrace()
    {
        var events = new TraceEvent[_count];
        for (int i = 0; i < _count; i++)
        {
            events[i] = _ring[(_start + i) % _ring.Length].ToEvent();
        }

        return _dropped == 0 ? new CheckpointTrace(events) : new CheckpointTrace(events, _dropped, _droppedHash!.GetCurrentHash());
    }

    /// <summary>Gets the records of the window, oldest first, as two spans (a wrapped ring's tail, then its head): coverage reads these without building events.</summary>
    /// <param name="newer">The records after the first span's, possibly none.</param>
    /// <returns>The oldest records.</returns>
    internal ReadOnlySpan<TraceRecord> GetRecords(out ReadOnlySpan<TraceRecord> newer)
    {
        int first = Math.Min(_count, _ring.Length - _start);
        newer = _ring.AsSpan(0, _count - first);
        return _ring.AsSpan(_start, first);
    }

    /// <summary>
    /// Gets a 64-bit fingerprint of the whole run's trace: a stable hash (xxHash64's round) of the fields of the canonical
    /// text of every event recorded, the dropped ones included, folded in as each event is recorded. Equal canonical
    /// traces give equal fingerprints; it costs no text formatting and no pass over the window, so the harness can afford
    /// it for every schedule of an exploration.
    /// </summary>
    internal ulong Fingerprint() => StableHash.Finish(_fingerprint);

    /// <summary>Gets the stable hash of a label, from a cache by the label's identity: most labels are the compiler's literals, the same object at every event.</summary>
    internal ulong LabelHash(string? label) => label is null ? s_nullLabelHash : RecentLabel(label).Hash;

    /// <summary>
    /// Gets the id of a label: equal texts have equal ids, the first label asked for is 0, the next new one 1, and so on.
    /// Only the labels asked for get one (coverage asks for checkpoint labels), so notes and reasons do not grow the table.
    /// </summary>
    internal int LabelId(string label)
    {
        ref (string? Label, ulong Hash, int Id) entry = ref RecentLabel(label);
        if (entry.Id < 0)
        {
            ref int id = ref CollectionsMarshal.GetValueRefOrAddDefault(_labelIds, label, out bool exists);
            if (!exists)
            {
                id = _labelIds.Count - 1;
            }

            entry.Id = id;
        }

        return entry.Id;
    }

    /// <summary>Gets the cache entry of a label, filling it on a miss.</summary>
    private ref (string? Label, ulong Hash, int Id) RecentLabel(string label)
    {
        // Two ways per set: two labels of one run that share a set do not evict each other at every event.
        int set = (RuntimeHelpers.GetHashCode(label) & (RecentLabels / 2 - 1)) * 2;
        ref (string? Label, ulong Hash, int Id) first = ref _recentLabels[set];
        if (ReferenceEquals(first.Label, label))
        {
            return ref first;
        }

        ref (string? Label, ulong Hash, int Id) second = ref _recentLabels[set + 1];
        if (ReferenceEquals(second.Label, label))
        {
            return ref second;
        }

        second = first;
        first = (label, StableHash.Add(StableHash.Empty, label), -1);
        return ref first;
    }

    /// <summary>
    /// Folds one event into the fingerprint: one round over a word that mixes the event's fields, the interned names',
    /// label's and site's hashes computed once each. The step, kind and time are spread by odd multipliers before they
    /// meet the hashes, so no field can cancel another's bits.
    /// </summary>
    private ulong Fold(ulong hash, in TraceRecord e)
    {
        ulong position = ((ulong)e.Step ^ ((ulong)e.Kind << 56)) + ((ulong)e.Time.Ticks * 0x9E3779B97F4A7C15UL);
        ulong what = e.Task.PathHash ^ ulong.RotateLeft(LabelHash(e.Label), 21) ^ ulong.RotateLeft(e.Site.CanonicalHash, 42);
        return StableHash.Add(hash, (position * 0xC2B2AE3D27D4EB4FUL) ^ what);
    }

    /// <summary>Forgets every event, so the recorder can serve another run.</summary>
    public void Clear()
    {
        // Only the used part holds references; a wrapped window uses all of it. The records of a short run are left for
        // the next run to overwrite: nothing reads past the count, and what they hold (names, labels) is a few kilobytes
        // at most, where clearing them cost a noticeable part of every schedule of an exploration.
        if (_start != 0 || _count > KeptRecords)
        {
            Array.Clear(_ring, 0, _start == 0 ? _count : _ring.Length);
        }

        // _namedTasks is cleared as the run ends (AfterRun): within a run, its entries stay right.
        if (_tasks.Length > KeptNames)
        {
            Array.Clear(_tasks, KeptNames, _tasks.Length - KeptNames);
        }

        _start = 0;
        _count = 0;
        _dropped = 0;
        _fingerprint = StableHash.Empty;
        _droppedHash?.Dispose();
        _droppedHash = null;
    }

    /// <inheritdoc/>
    /// <remarks>The run's tasks are not kept past it, even those a failed run left alive.</remarks>
    public override void AfterRun(in RunEventArgs args)
    {
        Array.Clear(_namedTasks);
        _lastNamed = null;
        _lastNames = null;
    }

    /// <inheritdoc/>
    public override void TaskSpawned(in TaskEventArgs args) =>
        Add(args.Step, args.Time, args.Task, TraceEventKind.Spawn, args.Task.Name);

    /// <inheritdoc/>
    public override void BeforeTaskStep(in TaskEventArgs args) =>
        Add(args.Step, args.Time, args.Task, TraceEventKind.Step, null);

    /// <inheritdoc/>
    public override void TaskExited(in TaskEventArgs args)
    {
        Add(args.Step, args.Time, args.Task, TraceEventKind.Exit, null);

        // An exited task records nothing more: its entry goes, so a run of a million tasks keeps only the live ones' names.
        long id = args.Task.Id;
        if ((ulong)id < (ulong)_namedTasks.Length)
        {
            _namedTasks[id] = null;
            if (id >= KeptNames)
            {
                _tasks[id] = null;
            }
        }
    }

    /// <inheritdoc/>
    public override void Checkpoint(in CheckpointEventArgs args)
    {
        CheckpointLocation location = args.Location;
        TraceEventKind kind = location.Kind == CheckpointKind.Wait ? TraceEventKind.Wait : TraceEventKind.Checkpoint;
        Add(args.Step, args.Time, args.Task, kind, location.Label, location.FilePath, location.Line);
    }

    /// <inheritdoc/>
    public override void TaskUnparked(in UnparkEventArgs args) =>
        Add(args.Step, args.Time, args.Task, TraceEventKind.Wake, args.Primitive);

    /// <inheritdoc/>
    public override void CancelDelivered(in CancelEventArgs args) =>
        Add(args.Step, args.Time, args.Task, TraceEventKind.Cancel, args.Reason.ToString());

    /// <inheritdoc/>
    public override void Note(in NoteEventArgs args) =>
        Add(args.Step, args.Time, args.Task, TraceEventKind.Note, args.Text, args.FilePath, args.Line);

    /// <inheritdoc/>
    public override void ClockJumped(in ClockJumpEventArgs args) =>
        Append(new TraceRecord(LastStep, args.To, TraceEventKind.Jump, s_clock, $"from {TraceFormat.Time(args.From)}", TraceRecord.SourceSite.None));

    /// <inheritdoc/>
    public override void EscapeDetected(in EscapeEventArgs args)
    {
        EscapeInfo escape = args.Escape;
        string task = escape.TaskPath ?? "(none)";
        Append(new TraceRecord(LastStep, escape.Time, TraceEventKind.Escape, new TraceRecord.TaskNames(task, task), escape.Kind.ToString(), TraceRecord.SourceSite.None));
    }

    /// <summary>Gets the step number of the last event, for events whose hook carries none.</summary>
    private long LastStep => _count == 0 ? 0 : _ring[(_start + _count - 1) % _ring.Length].Step;

    /// <summary>Gets the interned texts of a call site: <c>File.cs:42</c>, and whether it is TrioTest's own (then the test's line is looked up on the stack per event).</summary>
    private TraceRecord.SourceSite Site(string filePath, int line)
    {
        ref (string? FilePath, int Line, TraceRecord.SourceSite? Site) recent = ref _recentSites[(RuntimeHelpers.GetHashCode(filePath) ^ line) & (RecentSites - 1)];
        if (ReferenceEquals(recent.FilePath, filePath) && recent.Line == line)
        {
            return recent.Site!;
        }

        if (!_sources.TryGetValue((filePath, line), out TraceRecord.SourceSite? site))
        {
            site = UserFrames.IsOwn(filePath)
                ? new TraceRecord.SourceSite(string.Empty, TraceFormat.FileName(filePath))
                : new TraceRecord.SourceSite(TraceFormat.Source(filePath, line), null);
            _sources.Add((filePath, line), site);
        }

        recent = (filePath, line, site);
        return site;
    }

    /// <summary>Gets the interned names of <paramref name="task"/>: most events follow one of the same task (a step, then its checkpoint).</summary>
    private TraceRecord.TaskNames Names(TrioTask task)
    {
        if (ReferenceEquals(task, _lastNamed))
        {
            return _lastNames!;
        }

        long id = task.Id;
        TraceRecord.TaskNames names = (ulong)id < (ulong)_namedTasks.Length && ReferenceEquals(_namedTasks[id], task) ? _tasks[id]! : AddNames(task);
        _lastNamed = task;
        _lastNames = names;
        return names;
    }

    /// <summary>Interns the names of a task seen for the first time in this run: the names a former run had at its id when they match, or new ones.</summary>
    private TraceRecord.TaskNames AddNames(TrioTask task)
    {
        long id = task.Id;
        if (id >= _tasks.Length)
        {
            int length = (int)Math.Min(Array.MaxLength, Math.Max(id + 1, 2L * _tasks.Length));
            Array.Resize(ref _tasks, length);
            Array.Resize(ref _namedTasks, length);
        }

        // The same parent's names, name and ordinal make the same path: matching them builds no path text.
        TraceRecord.TaskNames? parent = task.ParentNursery is { ParentTask: var parentTask } ? Names(parentTask) : null;
        TraceRecord.TaskNames? names = _tasks[id];
        if (names is null || !ReferenceEquals(names.Parent, parent) || names.Ordinal != task.PathOrdinal || names.Name != task.Name)
        {
            names = new TraceRecord.TaskNames(task.Path, task.Name) { Parent = parent, Ordinal = task.PathOrdinal };
            _tasks[id] = names;
        }

        _namedTasks[id] = task;
        return names;
    }

    /// <summary>Appends a checkpoint or note: at the caller's line, or for TrioTest's own call sites at the test's line found on the stack.</summary>
    private void Add(long step, TimeSpan time, TrioTask task, TraceEventKind kind, string? label, string filePath, int line)
    {
        TraceRecord.SourceSite site = Site(filePath, line);
        if (site.Own is { } own)
        {
            site = new TraceRecord.SourceSite(UserFrames.FindUserLine(), own);
        }

        Append(new TraceRecord(step, time, kind, Names(task), label, site));
    }

    /// <summary>Appends one task event.</summary>
    private void Add(long step, TimeSpan time, TrioTask task, TraceEventKind kind, string? label) =>
        Append(new TraceRecord(step, time, kind, Names(task), label, TraceRecord.SourceSite.None));

    /// <summary>Appends an event: into free room, into a doubled array, or over the oldest event once the window is full.</summary>
    private void Append(in TraceRecord e)
    {
        _fingerprint = Fold(_fingerprint, e);
        if (_count < _ring.Length)
        {
            // Not wrapping yet: _start is 0 until the window fills.
            _ring[_count++] = e;
        }
        else if (_ring.Length < Window)
        {
            Array.Resize(ref _ring, (int)Math.Min(Window, 2L * _ring.Length));
            _ring[_count++] = e;
        }
        else
        {
            Drop(_ring[_start]);
            _ring[_start] = e;
            _start = _start + 1 == _ring.Length ? 0 : _start + 1;
        }
    }

    /// <summary>Folds the canonical line of an event that leaves the window into the hash of the dropped events.</summary>
    private void Drop(in TraceRecord e)
    {
        _droppedHash ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        _line ??= new StringBuilder(96);
        _line.Clear();
        e.ToEvent().AppendTo(_line).Append('\n');
        CheckpointTrace.AppendUtf8(_droppedHash, _line);
        _dropped++;
    }
}
