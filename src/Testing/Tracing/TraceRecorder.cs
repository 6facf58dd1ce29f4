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
/// that, one formatted line per dropped event.
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

    /// <summary>The events kept, oldest at <see cref="_start"/>; the array grows by doubling until it holds <see cref="Window"/> events, then wraps.</summary>
    private TraceEvent[] _ring = new TraceEvent[Math.Min(256, DefaultWindow)];

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

    /// <summary>The <c>File.cs:42</c> text of each call site seen, so recording a checkpoint allocates nothing in the steady state.</summary>
    private readonly Dictionary<(string FilePath, int Line), CallSite> _sources = [];

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
        _ring = new TraceEvent[Math.Min(256, window)];
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
        int first = Math.Min(_count, _ring.Length - _start);
        Array.Copy(_ring, _start, events, 0, first);
        Array.Copy(_ring, 0, events, first, _count - first);
        return _dropped == 0 ? new CheckpointTrace(events) : new CheckpointTrace(events, _dropped, _droppedHash!.GetCurrentHash());
    }

    /// <summary>Enumerates the events in the window, oldest first, without copying them.</summary>
    internal IEnumerable<TraceEvent> Events()
    {
        for (int i = 0; i < _count; i++)
        {
            yield return _ring[(_start + i) % _ring.Length];
        }
    }

    /// <summary>
    /// Gets a 64-bit fingerprint of the whole run's trace: a stable 64-bit hash (xxHash64's round) of the fields of the canonical text of the events in
    /// the window, folded with the count and SHA-256 of those that left it. Equal canonical traces give equal fingerprints;
    /// it costs no text formatting, so the harness can afford it for every schedule of an exploration.
    /// </summary>
    internal ulong Fingerprint()
    {
        ulong hash = StableHash.Add(StableHash.Empty, (ulong)_dropped);
        if (_droppedHash is not null)
        {
            byte[] dropped = _droppedHash.GetCurrentHash();
            for (int i = 0; i < dropped.Length; i += sizeof(ulong))
            {
                hash = StableHash.Add(hash, BitConverter.ToUInt64(dropped, i));
            }
        }

        for (int i = 0; i < _count; i++)
        {
            ref readonly TraceEvent e = ref _ring[(_start + i) % _ring.Length];
            hash = StableHash.Add(hash, (ulong)e.Step);
            hash = StableHash.Add(hash, (ulong)e.Time.Ticks ^ ((ulong)e.Kind << 56));
            hash = StableHash.Add(hash, e.Task);
            hash = StableHash.Add(hash, e.Label);
            hash = StableHash.Add(hash, e.CanonicalSourceSpan());
        }

        return StableHash.Finish(hash);
    }

    /// <summary>Forgets every event, so the recorder can serve another run.</summary>
    public void Clear()
    {
        // Only the used part holds references; a wrapped window uses all of it.
        Array.Clear(_ring, 0, _start == 0 ? _count : _ring.Length);

        _start = 0;
        _count = 0;
        _dropped = 0;
        _droppedHash?.Dispose();
        _droppedHash = null;
    }

    /// <inheritdoc/>
    public override void TaskSpawned(in TaskEventArgs args) =>
        Add(args.Step, args.Time, args.Task, TraceEventKind.Spawn, args.Task.Name, string.Empty);

    /// <inheritdoc/>
    public override void BeforeTaskStep(in TaskEventArgs args) =>
        Add(args.Step, args.Time, args.Task, TraceEventKind.Step, null, string.Empty);

    /// <inheritdoc/>
    public override void TaskExited(in TaskEventArgs args) =>
        Add(args.Step, args.Time, args.Task, TraceEventKind.Exit, null, string.Empty);

    /// <inheritdoc/>
    public override void Checkpoint(in CheckpointEventArgs args)
    {
        CheckpointLocation location = args.Location;
        TraceEventKind kind = location.Kind == CheckpointKind.Wait ? TraceEventKind.Wait : TraceEventKind.Checkpoint;
        Add(args.Step, args.Time, args.Task, kind, location.Label, location.FilePath, location.Line);
    }

    /// <inheritdoc/>
    public override void TaskUnparked(in UnparkEventArgs args) =>
        Add(args.Step, args.Time, args.Task, TraceEventKind.Wake, args.Primitive, string.Empty);

    /// <inheritdoc/>
    public override void CancelDelivered(in CancelEventArgs args) =>
        Add(args.Step, args.Time, args.Task, TraceEventKind.Cancel, args.Reason.ToString(), string.Empty);

    /// <inheritdoc/>
    public override void Note(in NoteEventArgs args) =>
        Add(args.Step, args.Time, args.Task, TraceEventKind.Note, args.Text, args.FilePath, args.Line);

    /// <inheritdoc/>
    public override void ClockJumped(in ClockJumpEventArgs args) =>
        Append(new TraceEvent(LastStep, args.To, "(clock)", "(clock)", TraceEventKind.Jump, $"from {TraceFormat.Time(args.From)}", string.Empty));

    /// <inheritdoc/>
    public override void EscapeDetected(in EscapeEventArgs args)
    {
        EscapeInfo escape = args.Escape;
        string task = escape.TaskPath ?? "(none)";
        Append(new TraceEvent(LastStep, escape.Time, task, task, TraceEventKind.Escape, escape.Kind.ToString(), string.Empty));
    }

    /// <summary>Gets the step number of the last event, for events whose hook carries none.</summary>
    private long LastStep => _count == 0 ? 0 : _ring[(_start + _count - 1) % _ring.Length].Step;

    /// <summary>Gets the cached texts of a call site: <c>File.cs:42</c>, and whether it is TrioTest's own (then the test's line is looked up on the stack).</summary>
    private CallSite Site(string filePath, int line)
    {
        if (!_sources.TryGetValue((filePath, line), out CallSite site))
        {
            site = new CallSite(TraceFormat.Source(filePath, line), UserFrames.IsOwn(filePath) ? TraceFormat.FileName(filePath) : null);
            _sources.Add((filePath, line), site);
        }

        return site;
    }

    /// <summary>Appends a checkpoint or note: at the caller's line, or for TrioTest's own call sites at the test's line found on the stack.</summary>
    private void Add(long step, TimeSpan time, TrioTask task, TraceEventKind kind, string? label, string filePath, int line)
    {
        CallSite site = Site(filePath, line);
        Append(site.OwnFile is { } own
            ? new TraceEvent(step, time, task.Path, task.Name, kind, label, UserFrames.FindUserLine()) { CanonicalSource = own }
            : new TraceEvent(step, time, task.Path, task.Name, kind, label, site.Text));
    }

    /// <summary>Appends one task event.</summary>
    private void Add(long step, TimeSpan time, TrioTask task, TraceEventKind kind, string? label, string source) =>
        Append(new TraceEvent(step, time, task.Path, task.Name, kind, label, source));

    /// <summary>Appends an event: into free room, into a doubled array, or over the oldest event once the window is full.</summary>
    private void Append(in TraceEvent e)
    {
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

    /// <summary>A call site's texts: <c>File.cs:42</c>, and for TrioTest's own sites the file name the canonical text keeps.</summary>
    private readonly record struct CallSite(string Text, string? OwnFile);

    /// <summary>Folds the canonical line of an event that leaves the window into the hash of the dropped events.</summary>
    private void Drop(in TraceEvent e)
    {
        _droppedHash ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        _line ??= new StringBuilder(96);
        _line.Clear();
        e.AppendTo(_line).Append('\n');
        CheckpointTrace.AppendUtf8(_droppedHash, _line);
        _dropped++;
    }
}
