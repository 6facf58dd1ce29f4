namespace TrioTest;

/// <summary>
/// Decides which ready step runs next. The run loop snapshots its run queue into a batch, asks the strategy
/// to order it, and runs the batch; steps that become ready meanwhile wait for the next batch (Trio's
/// anti-starvation rule). A strategy that sets <see cref="PicksOneStepAtATime"/> instead chooses one step at a
/// time from everything that is ready, which priority-based strategies such as PCT need.
/// </summary>
/// <remarks>
/// A strategy must be deterministic given the <see cref="DeterministicRandom"/> it receives in
/// <see cref="OnRunStarting"/>: no clocks, no hash codes, no <c>System.Random</c>. The built-in ones are
/// <see cref="Fifo"/> and <see cref="RandomStrategy"/>.
/// </remarks>
public abstract class ScheduleStrategy
{
    /// <summary>Gets a strategy that runs steps in the order they became ready, with no randomness.</summary>
    public static ScheduleStrategy Fifo { get; } = new FifoStrategy();

    /// <summary>Gets a value indicating whether the loop calls <see cref="PickNext"/> for every step instead of <see cref="OrderBatch"/> for every batch.</summary>
    public virtual bool PicksOneStepAtATime => false;

    /// <summary>Called once when a run starts, before any step runs.</summary>
    /// <param name="random">The run's seeded generator; the only source of randomness a strategy may use.</param>
    public virtual void OnRunStarting(DeterministicRandom random)
    {
    }

    /// <summary>Orders a batch of ready steps in place; the loop runs them from first to last.</summary>
    /// <param name="batch">The batch, in the order its steps became ready.</param>
    public virtual void OrderBatch(Span<ReadyStep> batch)
    {
    }

    /// <summary>Chooses the next step to run when <see cref="PicksOneStepAtATime"/> is true.</summary>
    /// <param name="ready">Every ready step, in the order they became ready; never empty.</param>
    /// <returns>The index of the step to run.</returns>
    public virtual int PickNext(ReadOnlySpan<ReadyStep> ready) => 0;

    /// <summary>Called after each step runs, so a strategy can count steps (PCT's change points need this).</summary>
    /// <param name="step">The step that just ran.</param>
    public virtual void OnStepCompleted(in ReadyStep step)
    {
    }
}
