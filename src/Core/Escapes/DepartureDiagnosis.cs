using System.Text.RegularExpressions;

namespace TrioTest;

/// <summary>
/// Names what sent work from the loop to the thread pool, and its fix, from the stack where it left: the API that queued
/// it, the frame that called that API, or, for a <c>ConfigureAwait(false)</c> continuation, the method whose completion
/// the runtime would not continue inline.
/// </summary>
internal static partial class DepartureDiagnosis
{
    /// <summary>Namespaces of frames that are machinery, not the culprit.</summary>
    private static readonly string[] s_machinery =
    [
        "System.Threading.", "System.Runtime.CompilerServices.", "System.Runtime.ExceptionServices.", "TrioTest.Runner", "TrioTest.Waiter",
        "TrioTest.LoopTaskMethodBuilder", "TrioTest.LoopValueTaskMethodBuilder", "TrioTest.LoopMethod", "TrioTest.Testing.Rewriting.",
    ];

    /// <summary>Returns the diagnosis of a departure whose stack is <paramref name="stackTrace"/>.</summary>
    public static string Diagnose(string stackTrace)
    {
        List<string> frames = ParseFrames(stackTrace);
        if (FindMethod(frames, "System.Threading.CancellationTokenSource.CancelAsync") is { } cancelAsync)
        {
            return $"CancellationTokenSource.CancelAsync, called from {CallerAfter(frames, cancelAsync)}, runs the token's callbacks on the thread pool: call Cancel() instead (its callbacks run on the loop, inline).";
        }

        if (FindMethod(frames, "Microsoft.Extensions.Hosting.BackgroundService.StartAsync") is { })
        {
            return "BackgroundService.StartAsync starts ExecuteAsync with Task.Run (.NET 8 and later), on the thread pool: in a test, run the service's work on the loop (call ExecuteAsync through a nursery, as docs/libraries.md shows), not through StartAsync or IHost.StartAsync; or rewrite Microsoft.Extensions.Hosting.Abstractions with TrioTest.Rewriting (docs/rewriting.md).";
        }

        if (Find(frames, "System.Threading.Channels.") is { } channel)
        {
            return $"a System.Threading.Channels channel ran a reader's or writer's continuation on the thread pool (channels run them asynchronously, and ReadAllAsync awaits with ConfigureAwait(false)); reached from {CallerAfter(frames, channel)}: read with WaitToReadAsync and TryRead without ConfigureAwait(false), or use a TrioTest memory channel.";
        }

        foreach (string api in (string[])["System.Threading.Tasks.Task.Run", "System.Threading.Tasks.TaskFactory.StartNew", "System.Threading.ThreadPool.QueueUserWorkItem", "System.Threading.ThreadPool.UnsafeQueueUserWorkItem"])
        {
            if (FindMethod(frames, api) is { } queued)
            {
                string name = api[(api.LastIndexOf('.', api.LastIndexOf('.') - 1) + 1)..];
                return $"{name}, called from {CallerAfter(frames, queued)}, sent work to the thread pool: start concurrent work in a nursery (Nursery.StartSoon), and run blocking work with Trio.ToThreadAsync, which the loop counts and waits for; code you cannot change can be rewritten with TrioTest.Rewriting (docs/rewriting.md).";
            }
        }

        if (Find(frames, "System.Threading.Tasks.ContinueWithTaskContinuation") is { } continueWith)
        {
            return $"a ContinueWith continuation ran on the thread pool when its task completed, reached from {CallerAfter(frames, continueWith)}: ContinueWith schedules on TaskScheduler.Current, which is the default (the pool) in async code; await the task instead.";
        }

        if (FindMethod(frames, "System.Threading.Tasks.Task.RunContinuations") is not null
            && Find(frames, "System.Threading.Tasks.TaskCompletionSource") is { } source)
        {
            return $"{CallerAfter(frames, source)} completed a TaskCompletionSource, and the code awaiting its task continued on the thread pool (it awaited with ConfigureAwait(false), or the source was created with RunContinuationsAsynchronously): await it without ConfigureAwait(false), or use a TrioTest Event for signals between tasks.";
        }

        if (FindMethod(frames, "System.Threading.Tasks.Task.RunContinuations") is { } continuations)
        {
            return $"when {CallerAfter(frames, continuations)} completed on the loop, the code that awaited it with ConfigureAwait(false) was sent to the thread pool (the runtime does not run such a continuation inline while the task's context is current). "
                + "In your code, await it without ConfigureAwait(false). A library that awaits your callback this way needs its own switch: Polly, a ResilienceContext with ContinueOnCapturedContext = true; IHost.StopAsync, stop the hosted services directly (docs/libraries.md). Or rewrite the library with TrioTest.Rewriting (docs/rewriting.md).";
        }

        return "code on the loop sent work to the thread pool: keep the test's work on the loop (a nursery for concurrency, Trio.ToThreadAsync for blocking work, Trio.TimeProvider for timers).";
    }

    /// <summary>Splits a stack trace into frame names (<c>Namespace.Type.Method</c>), innermost first.</summary>
    private static List<string> ParseFrames(string stackTrace)
    {
        var frames = new List<string>();
        foreach (string raw in stackTrace.Split('\n'))
        {
            string line = raw.Trim();
            if (!line.StartsWith("at ", StringComparison.Ordinal))
            {
                continue;
            }

            int paren = line.IndexOf('(', StringComparison.Ordinal);
            frames.Add(paren > 3 ? line[3..paren] : line[3..]);
        }

        return frames;
    }

    /// <summary>Finds the innermost frame of method <paramref name="method"/> (any generic instantiation).</summary>
    private static int? FindMethod(List<string> frames, string method)
    {
        int index = frames.FindIndex(frame => frame == method || (frame.StartsWith(method, StringComparison.Ordinal) && frame[method.Length] == '['));
        return index < 0 ? null : index;
    }

    /// <summary>Finds the innermost frame that starts with <paramref name="prefix"/>.</summary>
    private static int? Find(List<string> frames, string prefix)
    {
        int index = frames.FindIndex(frame => frame.StartsWith(prefix, StringComparison.Ordinal));
        return index < 0 ? null : index;
    }

    /// <summary>Names the first frame outside the machinery beyond <paramref name="index"/>, readable (async state machines and lambdas named after their method).</summary>
    private static string CallerAfter(List<string> frames, int index)
    {
        for (int i = index + 1; i < frames.Count; i++)
        {
            string frame = frames[i];
            if (!Array.Exists(s_machinery, prefix => frame.StartsWith(prefix, StringComparison.Ordinal)))
            {
                return Readable(frame);
            }
        }

        return "code on the loop";
    }

    /// <summary>Turns <c>Ns.Type.&lt;RunAsync&gt;d__4.MoveNext</c> into <c>Ns.Type.RunAsync</c>, and a lambda into "a lambda in Method".</summary>
    private static string Readable(string frame)
    {
        string name = StateMachine().Replace(frame, "$1");
        Match lambda = Lambda().Match(name);
        if (lambda.Success)
        {
            string owner = name[..lambda.Index].TrimEnd('.');
            owner = DisplayClass().Replace(owner, string.Empty).TrimEnd('.');
            return $"a lambda in {owner}.{lambda.Groups[1].Value.Trim('<', '>', '$')}";
        }

        return name;
    }

    [GeneratedRegex(@"<([A-Za-z_][A-Za-z0-9_]*)>d__\d+\.MoveNext$")]
    private static partial Regex StateMachine();

    [GeneratedRegex(@"<+([^<>]*)>+\$?>?b__[0-9_]+(>d(__\d+)?\.MoveNext)?$")]
    private static partial Regex Lambda();

    [GeneratedRegex(@"\.?<>c(__DisplayClass[0-9_]+)?$")]
    private static partial Regex DisplayClass();
}
