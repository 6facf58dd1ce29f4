namespace TrioTest;

/// <summary>
/// An escape: code that left the loop (a real timer, <c>Task.Run</c>, real I/O, a <c>ConfigureAwait(false)</c> that
/// resumed on the thread pool) reaching back into the run from another thread, where the schedule is no longer
/// the seed's to decide.
/// </summary>
/// <param name="Kind">How it reached back.</param>
/// <param name="TaskPath">The task it belongs to, when known.</param>
/// <param name="Time">The run's time when the loop saw it.</param>
/// <param name="StackTrace">The stack of the thread that reached back: it names the culprit.</param>
public sealed record EscapeInfo(EscapeKind Kind, string? TaskPath, TimeSpan Time, string StackTrace)
{
    /// <summary>Gets the most likely cause and its fix, read from <see cref="StackTrace"/>.</summary>
    public string Diagnosis => EscapeDiagnosis.Diagnose(Kind, StackTrace);

    /// <inheritdoc/>
    public override string ToString() =>
        $"escape ({Kind}) into {TaskPath ?? "the run"} at {Time:c}: {Diagnosis}";
}
