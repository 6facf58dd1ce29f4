namespace TrioTest;

/// <summary>Runs steps in the order they became ready: no randomness, the baseline every other strategy is compared to.</summary>
internal sealed class FifoStrategy : ScheduleStrategy
{
    /// <inheritdoc/>
    public override string ToString() => "Fifo";
}
