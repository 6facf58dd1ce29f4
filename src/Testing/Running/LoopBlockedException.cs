namespace TrioTest.Testing;

/// <summary>
/// The failure of a test whose loop one step held for longer than <see cref="TrioTestOptions.BlockedLoopTimeout"/> of
/// real time: a call that blocks its thread (<c>.Result</c>, <c>.Wait()</c>, <c>GetAwaiter().GetResult()</c>,
/// <c>Thread.Sleep</c>, a lock or event wait) or a loop that never reaches a checkpoint. Nothing else runs on a loop
/// meanwhile, so a blocking wait for other tasks never ends. The loop thread is abandoned.
/// </summary>
public sealed class LoopBlockedException : TimeoutException
{
    /// <summary>Initializes a new instance for a step of <paramref name="taskPath"/> that held the loop for <paramref name="blockedFor"/>.</summary>
    /// <param name="taskPath">The task whose step holds the loop, if known.</param>
    /// <param name="lastCheckpoint">That task's last checkpoint, if it passed one.</param>
    /// <param name="blockedFor">How long the step had held the loop when the test failed.</param>
    public LoopBlockedException(string? taskPath, CheckpointLocation? lastCheckpoint, TimeSpan blockedFor)
        : this(taskPath, lastCheckpoint, blockedFor, blockingCall: null)
    {
    }

    /// <summary>Initializes a new instance for a step of <paramref name="taskPath"/> that held the loop for <paramref name="blockedFor"/> in <paramref name="blockingCall"/>.</summary>
    /// <param name="taskPath">The task whose step holds the loop, if known.</param>
    /// <param name="lastCheckpoint">That task's last checkpoint, if it passed one.</param>
    /// <param name="blockedFor">How long the step had held the loop when the test failed.</param>
    /// <param name="blockingCall">The blocking wait the step is in and where, when the runtime reported one (it reports every wait but <c>Thread.Sleep</c>); otherwise, <see langword="null"/>.</param>
    public LoopBlockedException(string? taskPath, CheckpointLocation? lastCheckpoint, TimeSpan blockedFor, string? blockingCall)
        : base(FormatMessage(taskPath, lastCheckpoint, blockedFor, blockingCall))
    {
        TaskPath = taskPath;
        LastCheckpoint = lastCheckpoint;
        BlockedFor = blockedFor;
        BlockingCall = blockingCall;
    }

    /// <summary>Gets the blocking wait the step was in and where, such as <c>a blocking wait (a lock, an event or a semaphore) at Cache.cs:31</c>, or <see langword="null"/> if none was reported (a spin, <c>Thread.Sleep</c>).</summary>
    public string? BlockingCall { get; }

    /// <summary>Gets the path of the task whose step holds the loop, or <see langword="null"/> if it was not known.</summary>
    public string? TaskPath { get; }

    /// <summary>Gets that task's last checkpoint before the blocking step, or <see langword="null"/> if it passed none.</summary>
    public CheckpointLocation? LastCheckpoint { get; }

    /// <summary>Gets how long the step had held the loop when the test failed.</summary>
    public TimeSpan BlockedFor { get; }

    private static string FormatMessage(string? taskPath, CheckpointLocation? lastCheckpoint, TimeSpan blockedFor, string? blockingCall)
    {
        string where = lastCheckpoint is { } checkpoint
            ? $", after its checkpoint {(checkpoint.Label is { } label ? $"\"{label}\" " : string.Empty)}at {(checkpoint.SourceText.Length == 0 ? "an unknown line" : checkpoint.SourceText)}"
            : ", before its first checkpoint";
        string blocked = blockingCall is null ? string.Empty : $" It is blocked in {blockingCall}.";
        return $"One step of task {taskPath ?? "(unknown)"} has held the TrioTest loop for {blockedFor.TotalSeconds:0.###} s of real time{where}.{blocked} "
            + "Something in it blocks its thread (.Result, .Wait(), GetAwaiter().GetResult(), Thread.Sleep, a lock or event wait) or loops without a checkpoint; "
            + "nothing else can run on the loop meanwhile, so a wait for other tasks never ends. Await instead of blocking, run blocking work with Trio.ToThreadAsync, "
            + "and add await Trio.CheckpointAsync() in long loops. The loop thread is abandoned; raise TrioTestOptions.BlockedLoopTimeout if a step really needs longer.";
    }
}
