namespace TrioTest.Testing;

/// <summary>
/// An instrument that records a run's <see cref="CheckpointTrace"/>: every spawn, step, checkpoint, wait, wake-up,
/// cancellation, exit, note, clock jump and escape, in order. The harness installs one in every schedule it runs;
/// install your own in <see cref="RunOptions.Instruments"/> to trace a plain <see cref="Trio.Run(Func{Task}, RunOptions?)"/>.
/// </summary>
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
    /// <summary>The events so far; appended on the loop thread only.</summary>
    private readonly List<TraceEvent> _events = [];

    /// <summary>The <c>File.cs:42</c> text of each call site seen, so recording a checkpoint allocates nothing in the steady state.</summary>
    private readonly Dictionary<(string FilePath, int Line), string> _sources = [];

    /// <summary>Gets how many events have been recorded.</summary>
    public int Count => _events.Count;

    /// <summary>Gets a snapshot of the events recorded so far. Call it on the loop thread while the run is active, or after it.</summary>
    /// <returns>The trace.</returns>
    public CheckpointTrace GetTrace() => new([.. _events]);

    /// <summary>Forgets every event, so the recorder can serve another run.</summary>
    public void Clear() => _events.Clear();

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
        Add(args.Step, args.Time, args.Task, kind, location.Label, Source(location.FilePath, location.Line));
    }

    /// <inheritdoc/>
    public override void TaskUnparked(in UnparkEventArgs args) =>
        Add(args.Step, args.Time, args.Task, TraceEventKind.Wake, args.Primitive, string.Empty);

    /// <inheritdoc/>
    public override void CancelDelivered(in CancelEventArgs args) =>
        Add(args.Step, args.Time, args.Task, TraceEventKind.Cancel, args.Reason.ToString(), string.Empty);

    /// <inheritdoc/>
    public override void Note(in NoteEventArgs args) =>
        Add(args.Step, args.Time, args.Task, TraceEventKind.Note, args.Text, Source(args.FilePath, args.Line));

    /// <inheritdoc/>
    public override void ClockJumped(in ClockJumpEventArgs args) =>
        _events.Add(new TraceEvent(LastStep, args.To, "(clock)", "(clock)", TraceEventKind.Jump, $"from {TraceFormat.Time(args.From)}", string.Empty));

    /// <inheritdoc/>
    public override void EscapeDetected(in EscapeEventArgs args)
    {
        EscapeInfo escape = args.Escape;
        string task = escape.TaskPath ?? "(none)";
        _events.Add(new TraceEvent(LastStep, escape.Time, task, task, TraceEventKind.Escape, escape.Kind.ToString(), string.Empty));
    }

    /// <summary>Gets the step number of the last event, for events whose hook carries none.</summary>
    private long LastStep => _events.Count == 0 ? 0 : _events[^1].Step;

    /// <summary>Gets the cached source text of a call site.</summary>
    private string Source(string filePath, int line)
    {
        if (!_sources.TryGetValue((filePath, line), out string? text))
        {
            text = TraceFormat.Source(filePath, line);
            _sources.Add((filePath, line), text);
        }

        return text;
    }

    /// <summary>Appends one task event.</summary>
    private void Add(long step, TimeSpan time, TrioTask task, TraceEventKind kind, string? label, string source) =>
        _events.Add(new TraceEvent(step, time, task.Path, task.Name, kind, label, source));
}
