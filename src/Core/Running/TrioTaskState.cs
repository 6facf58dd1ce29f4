namespace TrioTest;

/// <summary>Where a <see cref="TrioTask"/> is in its life.</summary>
public enum TrioTaskState
{
    /// <summary>The task has a step ready to run or running.</summary>
    Runnable,

    /// <summary>The task waits: on a TrioTest primitive (see <see cref="TrioTask.WaitingFor"/>) or on an await the loop cannot see into.</summary>
    Blocked,

    /// <summary>The task's function has completed (successfully or not).</summary>
    Exited,
}
