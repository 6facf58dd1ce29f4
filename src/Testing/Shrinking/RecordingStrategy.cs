namespace TrioTest.Testing;

/// <summary>
/// Wraps the strategy of a failing schedule and writes down where it departed from FIFO order, as the deviations of a
/// <see cref="DirectedSchedule"/> that replays the same schedule: the start of shrinking.
/// </summary>
/// <param name="inner">The strategy whose choices are recorded.</param>
/// <param name="mode">The mode of the schedule to record into; <see cref="ScheduleMode.Batches"/> exactly when <paramref name="inner"/> orders batches.</param>
internal sealed class RecordingStrategy(ScheduleStrategy inner, ScheduleMode mode) : ScheduleStrategy
{
    /// <summary>The deviations recorded in the current run.</summary>
    private readonly List<ScheduleDeviation> _deviations = [];

    /// <summary>In <see cref="ScheduleMode.Runs"/>, the task of the last deviation, which the directed replay keeps running (<see cref="DirectedStrategy.UsualPick"/>).</summary>
    private TrioTask? _favoured;

    /// <summary>Steps completed in the current run.</summary>
    private long _steps;

    /// <summary>Gets the deviations from FIFO order the run took.</summary>
    public IReadOnlyList<ScheduleDeviation> Deviations => _deviations;

    /// <inheritdoc/>
    public override bool PicksOneStepAtATime => inner.PicksOneStepAtATime;

    /// <inheritdoc/>
    public override void OnRunStarting(DeterministicRandom random)
    {
        _steps = 0;
        _favoured = null;
        _deviations.Clear();
        inner.OnRunStarting(random);
    }

    /// <inheritdoc/>
    public override void OrderBatch(Span<ReadyStep> batch)
    {
        inner.OrderBatch(batch);

        // The index of each step among the steps left in the batch, ordered as they became ready: those after it that became ready before it.
        for (int p = 0; p < batch.Length - 1; p++)
        {
            int index = 0;
            for (int q = p + 1; q < batch.Length; q++)
            {
                index += batch[q].Sequence < batch[p].Sequence ? 1 : 0;
            }

            if (index != 0)
            {
                _deviations.Add(new ScheduleDeviation(_steps + p, index, batch[p].Task.Path, null));
            }
        }
    }

    /// <inheritdoc/>
    public override int PickNext(ReadOnlySpan<ReadyStep> ready)
    {
        int index = inner.PickNext(ready);
        int usual = mode == ScheduleMode.Runs ? DirectedStrategy.UsualPick(ready, _favoured) : 0;
        if (index != usual)
        {
            _deviations.Add(new ScheduleDeviation(_steps, index, ready[index].Task.Path, ready[usual].Task.Path));
            _favoured = ready[index].Task;
        }

        return index;
    }

    /// <inheritdoc/>
    public override void OnStepCompleted(in ReadyStep step)
    {
        _steps++;
        inner.OnStepCompleted(step);
    }
}
