namespace TrioTest.Testing;

/// <summary>Measures an exploration's coverage schedule by schedule, from each schedule's recorder; see <see cref="ExplorationCoverage"/>.</summary>
internal sealed class CoverageTracker
{
    /// <summary>The fingerprints seen; a set only for membership, never enumerated, so its hash order never reaches output.</summary>
    private readonly HashSet<ulong> _traces = [];

    /// <summary>The conflict orderings seen: the trace's own strings, so measuring one allocates nothing; formatted and sorted only for output.</summary>
    private readonly HashSet<Ordering> _orderings = [];

    /// <summary>Every measured schedule's fingerprint, in order.</summary>
    private readonly List<ulong> _fingerprints = [];

    /// <summary>For each label, by the recorder's <see cref="TraceRecorder.LabelId"/>, the task of the last event at it in the schedule being measured.</summary>
    private TraceRecord.TaskNames?[] _lastTaskAt = new TraceRecord.TaskNames?[16];

    /// <summary>For each label, the schedule (<see cref="_measured"/>) its entry of <see cref="_lastTaskAt"/> belongs to: older entries read as empty, so nothing is cleared per schedule.</summary>
    private int[] _lastTaskAtSchedule = new int[16];

    /// <summary>How many schedules were measured.</summary>
    private int _measured;

    /// <summary>The recorder whose label ids index <see cref="_lastTaskAt"/>.</summary>
    private TraceRecorder? _recorder;

    /// <summary>Gets how many schedules in a row, at the end, added nothing.</summary>
    public int SinceNew { get; private set; }

    /// <summary>Measures one schedule from the recorder that traced it.</summary>
    /// <returns><see langword="true"/> if it added a new trace or a new conflict ordering.</returns>
    public bool Observe(TraceRecorder recorder)
    {
        ulong fingerprint = recorder.Fingerprint();
        _fingerprints.Add(fingerprint);
        bool added = _traces.Add(fingerprint);
        if (!ReferenceEquals(_recorder, recorder))
        {
            // Another recorder numbers its labels from 0 again.
            _recorder = recorder;
            Array.Clear(_lastTaskAt);
            Array.Clear(_lastTaskAtSchedule);
        }

        _measured++;
        ReadOnlySpan<TraceRecord> older = recorder.GetRecords(out ReadOnlySpan<TraceRecord> newer);
        added |= ObserveOrderings(older, recorder);
        added |= ObserveOrderings(newer, recorder);
        SinceNew = added ? 0 : SinceNew + 1;
        return added;
    }

    /// <summary>Adds the conflict orderings of <paramref name="records"/>, which follow those observed before in the same schedule.</summary>
    /// <returns><see langword="true"/> if one was new.</returns>
    private bool ObserveOrderings(ReadOnlySpan<TraceRecord> records, TraceRecorder recorder)
    {
        bool added = false;

        // The compact records, not built TraceEvents: this runs for every event of every schedule.
        foreach (ref readonly TraceRecord e in records)
        {
            if (e.Kind is not (TraceEventKind.Checkpoint or TraceEventKind.Wait) || string.IsNullOrEmpty(e.Label))
            {
                continue;
            }

            int id = recorder.LabelId(e.Label);
            if (id >= _lastTaskAt.Length)
            {
                int length = Math.Max(id + 1, 2 * _lastTaskAt.Length);
                Array.Resize(ref _lastTaskAt, length);
                Array.Resize(ref _lastTaskAtSchedule, length);
            }

            TraceRecord.TaskNames? previous = _lastTaskAtSchedule[id] == _measured ? _lastTaskAt[id] : null;
            if (previous is not null && !ReferenceEquals(previous, e.Task) && previous.Path != e.Task.Path)
            {
                added |= _orderings.Add(new Ordering(e.Label, recorder.LabelHash(e.Label), previous, e.Task));
            }

            _lastTaskAt[id] = e.Task;
            _lastTaskAtSchedule[id] = _measured;
        }

        return added;
    }

    /// <summary>Gets the coverage measured so far.</summary>
    public ExplorationCoverage ToCoverage(bool stoppedEarly)
    {
        string[] orderings = [.. _orderings.Select(static o => $"\"{o.Label}\": {o.First.Path} -> {o.Second.Path}")];
        Array.Sort(orderings, StringComparer.Ordinal);
        return new ExplorationCoverage(_fingerprints.Count, _traces.Count, orderings, SinceNew, stoppedEarly, _fingerprints.ToArray(), notMeasuredReason: null);
    }

    /// <summary>The coverage of an exploration that recorded no trace.</summary>
    public static ExplorationCoverage NotMeasured(int schedules) => new(
        schedules, 0, [], 0, stoppedEarly: false, [], "RecordTrace is off, and coverage is measured from each schedule's trace: turn RecordTrace on to measure it");

    /// <summary>
    /// A conflict ordering: equal when the label and both task paths are, hashed from the hashes the recorder computed
    /// once per label and per task, so a schedule that only sees orderings already seen hashes no text.
    /// </summary>
    private readonly struct Ordering(string label, ulong labelHash, TraceRecord.TaskNames first, TraceRecord.TaskNames second) : IEquatable<Ordering>
    {
        /// <summary>The hash of the triple.</summary>
        private readonly ulong _hash = StableHash.Add(StableHash.Add(StableHash.Add(StableHash.Empty, labelHash), first.PathHash), second.PathHash);

        /// <summary>Gets the label.</summary>
        public string Label { get; } = label;

        /// <summary>Gets the task at the label first.</summary>
        public TraceRecord.TaskNames First { get; } = first;

        /// <summary>Gets the task at the label next.</summary>
        public TraceRecord.TaskNames Second { get; } = second;

        /// <inheritdoc/>
        public bool Equals(Ordering other) =>
            _hash == other._hash && Label == other.Label && First.Path == other.First.Path && Second.Path == other.Second.Path;

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is Ordering other && Equals(other);

        /// <inheritdoc/>
        public override int GetHashCode() => (int)_hash ^ (int)(_hash >> 32);
    }
}
