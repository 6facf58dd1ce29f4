namespace TrioTest;

/// <summary>
/// Thrown by <see cref="Trio.Run(Func{Task}, RunOptions?)"/> under <see cref="EscapePolicy.Fail"/> when code on another
/// thread reached back into the run. The message names the likely cause and its fix; <see cref="Escape"/> holds the culprit's stack.
/// </summary>
public sealed class EscapeException : Exception
{
    /// <summary>Initializes a new instance for <paramref name="escape"/>.</summary>
    /// <param name="escape">The escape.</param>
    public EscapeException(EscapeInfo escape)
        : base(FormatMessage(escape))
    {
        Escape = escape;
    }

    /// <summary>Gets the escape.</summary>
    public EscapeInfo Escape { get; }

    /// <summary>Formats the message: the cause, the fix, then the culprit's stack.</summary>
    private static string FormatMessage(EscapeInfo escape)
    {
        ArgumentNullException.ThrowIfNull(escape);
        if (escape.Kind == EscapeKind.Departure)
        {
            return $"Code left the TrioTest loop from {escape.TaskPath ?? "the run"} at {escape.Time:c}: it sent work to the thread pool, where the schedule no longer depends on the seed alone."
                + $"{Environment.NewLine}Cause and fix: {escape.Diagnosis}"
                + $"{Environment.NewLine}Where it left the loop (your code and libraries' frames; EscapeInfo.StackTrace has the whole stack):{Environment.NewLine}{DepartureDiagnosis.UserFrames(escape.StackTrace)}";
        }

        return $"Code left the TrioTest loop and came back from another thread into {escape.TaskPath ?? "the run"} at {escape.Time:c}, so the schedule no longer depends on the seed alone."
            + $"{Environment.NewLine}Likely cause: {escape.Diagnosis}"
            + $"{Environment.NewLine}Stack of the thread that came back:{Environment.NewLine}{escape.StackTrace}";
    }
}
