namespace TrioTest.Testing;

/// <summary>
/// The failure of a test one of whose tasks failed while nobody awaited it: an async method started and forgotten
/// (<c>_ = SendAsync();</c>), whose exception would otherwise vanish. The original exception is the inner exception.
/// </summary>
/// <remarks>
/// The runtime reports such a task only when the garbage collector finalizes it, so the failure reaches the test only if
/// that happens while the test still runs (a test that must catch it can end its body with <c>GC.Collect()</c> and
/// <c>GC.WaitForPendingFinalizers()</c>). Afterwards it is written to the test's log, standard error by default, with
/// the test's name and the seed of the schedule that threw it.
/// </remarks>
public sealed class UnobservedTaskFailureException : Exception
{
    /// <summary>Initializes a new instance for <paramref name="failure"/>, thrown in task <paramref name="taskPath"/>.</summary>
    /// <param name="taskPath">The path of the task whose step threw it.</param>
    /// <param name="failure">The exception nobody observed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="failure"/> is null.</exception>
    public UnobservedTaskFailureException(string taskPath, Exception failure)
        : base(FormatMessage(taskPath, failure ?? throw new ArgumentNullException(nameof(failure))), failure)
    {
        TaskPath = taskPath;
    }

    /// <summary>Gets the path of the task whose step threw the exception.</summary>
    public string TaskPath { get; }

    /// <summary>Formats the message: what failed, where, and how to make its failure reach the test.</summary>
    internal static string FormatMessage(string taskPath, Exception failure) =>
        $"an async method started in task {taskPath} failed and nobody awaited it: {failure.GetType().Name}: {failure.Message.ReplaceLineEndings(" ")}. "
        + "Await its Task, or start it with nursery.StartSoon so its failure reaches the test.";
}
