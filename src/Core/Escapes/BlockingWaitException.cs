namespace TrioTest;

/// <summary>
/// Thrown at the call when a step blocks the loop thread waiting for a task (<c>.Wait()</c>, <c>.Result</c>,
/// <c>.GetAwaiter().GetResult()</c>, NUnit's <c>Assert.ThrowsAsync</c>) in a run that fails on escapes
/// (<see cref="EscapePolicy.Fail"/>, the test harness's default). Nothing else runs on the loop while it waits, so a task
/// that needs the loop never finishes: the wait is a certain hang, reported where it starts instead of after a timeout.
/// The run fails with it even if the code around the wait catches it.
/// </summary>
public sealed class BlockingWaitException : InvalidOperationException
{
    /// <summary>Initializes a new instance for a blocking wait in task <paramref name="taskPath"/>.</summary>
    /// <param name="taskPath">The task whose step blocked.</param>
    /// <param name="call">The blocking call.</param>
    /// <param name="callSite">The test's line that made it, or an empty string.</param>
    /// <param name="fix">The awaitable form to use instead.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public BlockingWaitException(string taskPath, string call, string callSite, string fix)
        : base(FormatMessage(taskPath, call, callSite, fix))
    {
        TaskPath = taskPath;
        Call = call;
        CallSite = callSite;
        Fix = fix;
    }

    /// <summary>Gets the path of the task whose step blocked.</summary>
    public string TaskPath { get; }

    /// <summary>Gets the blocking call, such as NUnit's <c>Assert.ThrowsAsync</c>.</summary>
    public string Call { get; }

    /// <summary>Gets the test's line that made the call (<c>File.cs:42</c>), or an empty string when unknown.</summary>
    public string CallSite { get; }

    /// <summary>Gets the awaitable form to write instead.</summary>
    public string Fix { get; }

    /// <summary>Formats the message: what blocked, where, why it hangs, and the fix.</summary>
    private static string FormatMessage(string taskPath, string call, string callSite, string fix)
    {
        ArgumentNullException.ThrowIfNull(taskPath);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(callSite);
        ArgumentNullException.ThrowIfNull(fix);
        string where = callSite.Length == 0 ? string.Empty : $" at {callSite}";
        return $"Task {taskPath} blocked the TrioTest loop with {call}{where}: nothing else runs on the loop while it waits, so the work it waits for never finishes. Instead: {fix}.";
    }
}
