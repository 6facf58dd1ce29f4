namespace TrioTest;

/// <summary>
/// Shuffles every batch with the run's seeded generator: Trio's deterministic scheduling mode. The same seed
/// and the same code give the same order; different seeds explore different interleavings.
/// </summary>
/// <remarks>Batch shuffling finds most two-task races within a few schedules; deeper bugs may need PCT.</remarks>
public sealed class RandomStrategy : ScheduleStrategy
{
    /// <summary>The generator of the current run.</summary>
    private DeterministicRandom? _random;

    /// <inheritdoc/>
    public override void OnRunStarting(DeterministicRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        _random = random;
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The strategy is used outside a run.</exception>
    public override void OrderBatch(Span<ReadyStep> batch)
    {
        if (batch.Length < 2)
        {
            return;
        }

        (_random ?? throw new InvalidOperationException(
            "RandomStrategy.OrderBatch was called before OnRunStarting: pass the strategy in RunOptions.Strategy and let Trio.Run drive it."))
            .Shuffle(batch);
    }

    /// <inheritdoc/>
    public override string ToString() => "Random";
}
