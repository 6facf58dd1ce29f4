using System.Runtime.InteropServices;

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

    /// <summary>For each label, the task of the last event at it in the schedule being measured.</summary>
    private readonly Dictionary<LabelKey, TraceRecord.TaskNames> _lastTaskAt = [];

    /// <summary>Gets how many schedules in a row, at the end, added nothing.</summary>
    public int SinceNew { get; private set; }

    /// <summary>Measures one schedule from the recorder that traced it.</summary>
    /// <returns><see langword="true"/> if it added a new trace or a new conflict ordering.</returns>
    public bool Observe(TraceRecorder recorder)
    {
        ulong fingerprint = recorder.Fingerprint();
        _fingerprints.Add(fingerprint);
        bool added = _traces.Add(fingerprint);
        _lastTaskAt.Clear();
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

            ulong labelHash = recorder.LabelHash(e.Label);
            ref TraceRecord.TaskNames? previous = ref CollectionsMarshal.GetValueRefOrAddDefault(_lastTaskAt, new LabelKey(e.Label, labelHash), out _);
            if (previous is not null && !ReferenceEquals(previous, e.Task) && previous.Path != e.Task.Path)
            {
                added |= _orderings.Add(new Ordering(e.Label, labelHash, previous, e.Task));
            }

            previous = e.Task;
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

    /// <summary>A label with the hash the recorder computed for it once: looking one up hashes no text.</summary>
    private readonly struct LabelKey(string label, ulong hash) : IEquatable<LabelKey>
    {
        /// <summary>Gets the label.</summary>
        public string Label { get; } = label;

        /// <summary>Gets the label's stable hash.</summary>
        public ulong Hash { get; } = hash;

        /// <inheritdoc/>
        public bool Equals(LabelKey other) => Hash == other.Hash && string.Equals(Label, other.Label, StringComparison.Ordinal);

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is LabelKey other && Equals(other);

        /// <inheritdoc/>
        public override int GetHashCode() => (int)Hash ^ (int)(Hash >> 32);
    }
}
