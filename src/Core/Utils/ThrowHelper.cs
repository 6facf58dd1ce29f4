using System.Diagnostics.CodeAnalysis;

namespace TrioTest;

/// <summary>Builds and throws the library's rare errors, keeping their messages in one place and hot paths small.</summary>
internal static class ThrowHelper
{
    /// <summary>The error for a TrioTest API used where there is no run on the current thread.</summary>
    /// <param name="api">The API.</param>
    /// <param name="insideRun">True if the code belongs to a run but is on another thread.</param>
    public static InvalidOperationException NotOnLoop(string api, bool insideRun) => insideRun
        ? new InvalidOperationException(
            $"{api} was called on thread {Environment.CurrentManagedThreadId}, outside the loop of the TrioTest run it belongs to. "
            + "Code left the loop (Task.Run, a real timer, or ConfigureAwait(false) after work that completed on another thread); TrioTest primitives run only on the loop thread. "
            + "Run blocking work with Trio.ToThreadAsync, pass Trio.TimeProvider to timers, and let awaits resume on the loop.")
        : new InvalidOperationException(
            $"{api} can only be used inside Trio.Run (or a TrioTest [AsyncTest] test): there is no run on this thread.");

    /// <summary>The error for a body that returned a null task.</summary>
    /// <param name="api">The API the body was passed to.</param>
    public static InvalidOperationException NullTaskFromBody(string api) =>
        new($"The function passed to {api} returned a null Task. Return the Task of the async work (mark the lambda async, or return Task.CompletedTask).");

    /// <summary>Throws for a library awaitable awaited twice.</summary>
    [DoesNotReturn]
    public static void ThrowAwaitedTwice() =>
        throw new InvalidOperationException("A TrioTest ValueTask was awaited twice or after it completed. Await each checkpoint, sleep or wait exactly once; call .AsTask() to await it several times.");

    /// <summary>Throws for a library awaitable whose result was read before it completed.</summary>
    [DoesNotReturn]
    public static void ThrowCheckpointNotAwaited() =>
        throw new InvalidOperationException("A TrioTest checkpoint or wait was read before it completed (.GetAwaiter().GetResult() or .Result on it). Await it instead: blocking the loop thread would deadlock the run.");

    /// <summary>Throws for a negative duration.</summary>
    [DoesNotReturn]
    public static void ThrowNegativeDuration(string parameter, TimeSpan value, string api) =>
        throw new ArgumentOutOfRangeException(parameter, value, $"{api} needs a duration of zero or more, or Timeout.InfiniteTimeSpan for never; {value} is negative.");
}
