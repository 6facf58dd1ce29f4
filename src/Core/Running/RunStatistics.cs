namespace TrioTest;

/// <summary>A snapshot of a run, from <see cref="Trio.GetStatistics"/> (Trio's <c>current_statistics</c>).</summary>
/// <param name="TasksLiving">How many tasks are alive, main included.</param>
/// <param name="StepsReady">How many steps are ready to run.</param>
/// <param name="StepsRun">How many steps have run.</param>
/// <param name="CurrentTime">The run's time.</param>
/// <param name="TimeToNextDeadline">The time until the next pending timer or deadline (negative if overdue), or <see langword="null"/> if there is none.</param>
/// <param name="ExternalWorkInFlight">How much counted external work (<c>Trio.ToThreadAsync</c>) is running.</param>
/// <param name="Escapes">How many escapes were recorded.</param>
/// <param name="DeparturesInFlight">How many items of work the loop sent to the thread pool are still out (recorded, not failing, runs only): while any is, the clock does not autojump.</param>
public readonly record struct RunStatistics(
    int TasksLiving,
    int StepsReady,
    long StepsRun,
    TimeSpan CurrentTime,
    TimeSpan? TimeToNextDeadline,
    int ExternalWorkInFlight,
    int Escapes,
    int DeparturesInFlight);
