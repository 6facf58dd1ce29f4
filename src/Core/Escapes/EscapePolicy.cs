namespace TrioTest;

/// <summary>What a run does when code on another thread reaches back into it (an escape).</summary>
public enum EscapePolicy
{
    /// <summary>Record the escape (instruments see it) and run what it sent as a step of its task. The default of <see cref="Trio.Run(Func{Task}, RunOptions?)"/>.</summary>
    Record,

    /// <summary>End the run with an <see cref="EscapeException"/> that names the cause and the fix: strict mode, the default of the test harness.</summary>
    Fail,
}
