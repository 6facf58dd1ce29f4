namespace TrioTest.Testing;

/// <summary>
/// Runs a <see cref="DirectedSchedule"/>: FIFO order, except before the listed steps, where it picks the listed ready
/// step (in <see cref="ScheduleMode.Runs"/> that step's task then keeps running while it has a ready step; see <see cref="UsualPick"/>). A deviation whose index is past the steps ready at that point is not applied; <see cref="Applied"/> lists those
/// that were, with the tasks picked and passed over, for the report.
/// </summary>
/// <remarks>
/// In batch mode it orders each batch as the loop runs it: position p of a batch is step <c>steps-before-the-batch + p</c>,
/// and the steps left in a batch are always in the order they became ready, so "index i" means the same in a recorded
/// run (<see cref="RecordingStrategy"/>) and here. A strategy instance serves one run at a time.
/// </remarks>
internal sealed class DirectedStrategy : ScheduleStrategy
{
    /// <summary>The schedule to follow.</summary>
    private readonly DirectedSchedule _schedule;

    /// <summary>The deviations applied in the current run.</summary>
    private readonly List<ScheduleDeviation> _applied = [];

    /// <summary>Steps completed in the current run.</summary>
    private long _steps;

    /// <summary>In <see cref="ScheduleMode.Runs"/>, the task the last applied deviation picked: it runs while it has a ready step.</summary>
    private TrioTask? _favoured;

    /// <summary>The index in the schedule's deviations of the next one not yet passed.</summary>
    private int _next;

    public DirectedStrategy(DirectedSchedule schedule) => _schedule = schedule;

    /// <inheritdoc/>
    public override bool PicksOneStepAtATime => _schedule.OneStepAtATime;

    /// <summary>Gets the schedule the strategy follows.</summary>
    public DirectedSchedule Schedule => _schedule;

    /// <summary>Gets the deviations applied in the last run, with their tasks.</summary>
    public IReadOnlyList<ScheduleDeviation> Applied => _applied;

    /// <inheritdoc/>
    public override void OnRunStarting(DeterministicRandom random)
    {
        _steps = 0;
        _next = 0;
        _favoured = null;
        _applied.Clear();
    }

    /// <inheritdoc/>
    public override void OrderBatch(Span<ReadyStep> batch)
    {
        for (int p = 0; p < batch.Length - 1; p++)
        {
            if (ListedAt(_steps + p, batch.Length - p) is not { } index || index == 0)
            {
                continue;
            }

            // Move the picked step to p and keep the rest in the order they became ready.
            ReadyStep picked = batch[p + index];
            _applied.Add(new ScheduleDeviation(_steps + p, index, picked.Task.Path, batch[p].Task.Path));
            batch.Slice(p, index).CopyTo(batch.Slice(p + 1, index));
            batch[p] = picked;
        }
    }

    /// <inheritdoc/>
    public override int PickNext(ReadOnlySpan<ReadyStep> ready)
    {
        int usual = _schedule.Mode == ScheduleMode.Runs ? UsualPick(ready, _favoured) : 0;
        if (ListedAt(_steps, ready.Length) is not { } index || index == usual)
        {
            return usual;
        }

        _applied.Add(new ScheduleDeviation(_steps, index, ready[index].Task.Path, ready[usual].Task.Path));
        _favoured = ready[index].Task;
        return index;
    }

    /// <summary>
    /// Gets the step a <see cref="ScheduleMode.Runs"/> schedule runs when no deviation is listed: the oldest ready step of the favoured
    /// task (the one the last deviation picked) while it has one, else the oldest ready step. So one deviation lets a task
    /// run ahead until it blocks, as one PCT priority change does, rather than one deviation per step it runs ahead.
    /// </summary>
    internal static int UsualPick(ReadOnlySpan<ReadyStep> ready, TrioTask? favoured)
    {
        if (favoured is not null)
        {
            for (int i = 0; i < ready.Length; i++)
            {
                if (ready[i].Task == favoured)
                {
                    return i;
                }
            }
        }

        return 0;
    }

    /// <inheritdoc/>
    public override void OnStepCompleted(in ReadyStep step) => _steps++;

    /// <inheritdoc/>
    public override string ToString() => _schedule.ToString();

    /// <summary>Gets the index listed for step <paramref name="step"/> when it is one of the <paramref name="choices"/> ready; otherwise, <see langword="null"/>.</summary>
    private int? ListedAt(long step, int choices)
    {
        IReadOnlyList<ScheduleDeviation> deviations = _schedule.Deviations;
        while (_next < deviations.Count && deviations[_next].Step < step)
        {
            _next++;
        }

        return _next < deviations.Count && deviations[_next].Step == step && deviations[_next].Index < choices ? deviations[_next].Index : null;
    }
}
