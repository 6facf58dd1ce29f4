using System.Runtime.CompilerServices;

namespace TrioTest;

/// <summary>Notes: labels in the checkpoint trace that cost no schedule point.</summary>
public static partial class Trio
{
    /// <summary>
    /// Leaves a note in the checkpoint trace (and with every instrument) without yielding, so marking a point does
    /// not change the schedule. Use <see cref="CheckpointAsync"/> when the point should also let other tasks run.
    /// </summary>
    /// <param name="text">The note, such as <c>"balance read"</c>.</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="InvalidOperationException">Not inside a run, or not on its loop thread.</exception>
    public static void Note(string text, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        Runner runner = Runner.GetCurrent("Trio.Note");
        if (runner.Instruments.IsActive)
        {
            runner.Instruments.OnNote(runner.CurrentAmbient().Task, text, filePath, line);
        }
    }
}
