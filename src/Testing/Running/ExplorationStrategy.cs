namespace TrioTest.Testing;

/// <summary>How the harness chooses which ready task runs next in each schedule it explores.</summary>
public enum ExplorationStrategy
{
    /// <summary>Shuffles every batch of ready steps with the schedule's seed (Trio's deterministic mode). Finds most two-task races within a few schedules.</summary>
    Random,

    /// <summary>
    /// Probabilistic concurrency testing: random task priorities and <c>PctDepth - 1</c> random priority changes, sized to
    /// the body's step count. Finds bugs that need several ordering constraints in long bodies; see <see cref="PctStrategy"/>.
    /// </summary>
    Pct,

    /// <summary>Runs steps in the order they became ready, with no randomness: every seed gives the same schedule.</summary>
    Fifo,
}
