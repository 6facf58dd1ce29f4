namespace TrioTest.Testing;

/// <summary>Measures an exploration's coverage schedule by schedule, from each schedule's recorder; see <see cref="ExplorationCoverage"/>.</summary>
internal sealed class CoverageTracker
{
    /// <summary>The fingerprints seen; a set only for membership, never enumerated, so its hash order never reaches output.</summary>
    private readonly HashSet<ulong> _traces = [];

    /// <summary>The conflict orderings seen: the trace's own strings, so measuring one allocates nothing; formatted and sorted only for output.</summary>
    private readonly HashSet<(string Label, string First, string Second)> _orderings = [];

    /// <summary>Every measured schedule's fingerprint, in order.</summary>
    private readonly List<ulong> _fingerprints = [];

    /// <summary>For each label, the task of the last event at it in the schedule being measured.</summary>
    private readonly Dictionary<string, string> _lastTaskAt = new(StringComparer.Ordinal);

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
        for (int i = 0; i < recorder.Count; i++)
        {
            // The compact record, not a built TraceEvent: this runs for every event of every schedule.
            ref readonly TraceRecord e = ref recorder.RecordAt(i);
            if (e.Kind is not (TraceEventKind.Checkpoint or TraceEventKind.Wait) || string.IsNullOrEmpty(e.Label))
            {
                continue;
            }

            string task = e.Task.Path;
            if (_lastTaskAt.TryGetValue(e.Label, out string? previous) && previous != task)
            {
                added |= _orderings.Add((e.Label, previous, task));
            }

            _lastTaskAt[e.Label] = task;
        }

        SinceNew = added ? 0 : SinceNew + 1;
        return added;
    }

    /// <summary>Gets the coverage measured so far.</summary>
    public ExplorationCoverage ToCoverage(bool stoppedEarly)
    {
        string[] orderings = [.. _orderings.Select(static o => $"\"{o.Label}\": {o.First} -> {o.Second}")];
        Array.Sort(orderings, StringComparer.Ordinal);
        return new ExplorationCoverage(_fingerprints.Count, _traces.Count, orderings, SinceNew, stoppedEarly, _fingerprints.ToArray(), notMeasuredReason: null);
    }

    /// <summary>The coverage of an exploration that recorded no trace.</summary>
    public static ExplorationCoverage NotMeasured(int schedules) => new(
        schedules, 0, [], 0, stoppedEarly: false, [], "RecordTrace is off, and coverage is measured from each schedule's trace: turn RecordTrace on to measure it");
}
