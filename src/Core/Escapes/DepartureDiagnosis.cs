using System.Text.RegularExpressions;

namespace TrioTest;

/// <summary>
/// Names what sent work from the loop to the thread pool, and its fix, from the stack where it left: the API that queued
/// it, the frame that called that API, or, for a <c>ConfigureAwait(false)</c> continuation, the method whose completion
/// the runtime would not continue inline.
/// </summary>
internal static partial class DepartureDiagnosis
{
    /// <summary>Prefixes of frames that are machinery, not the culprit: the BCL and TrioTest's runtime.</summary>
    private static readonly string[] s_machinery =
    [
        "System.", "TrioTest.Runner", "TrioTest.Waiter", "TrioTest.LoopTaskMethodBuilder", "TrioTest.LoopValueTaskMethodBuilder",
        "TrioTest.LoopMethod", "TrioTest.ThreadPoolWatch", "TrioTest.Testing.Rewriting.",
    ];

    /// <summary>Returns the diagnosis of a departure whose stack is <paramref name="stackTrace"/>.</summary>
    public static string Diagnose(string stackTrace)
    {
        // Only frames that tiered compilation cannot inline away decide the text: the JIT inlines small BCL methods
        // (Task.Run, TaskCompletionSource.SetResult, ThreadPoolTaskScheduler.QueueTask) once they are hot, so one run's
        // stack may have a frame the next one lacks. Virtual and large methods stay; the culprit is the first frame
        // that is not the BCL's or TrioTest's.
        List<string> frames = ParseFrames(stackTrace);
        string culprit = FirstUserFrame(frames);
        if (FindMethod(frames, "System.Threading.CancellationTokenSource.CancelAsync") is not null)
        {
            return $"CancellationTokenSource.CancelAsync, called from {culprit}, runs the token's callbacks on the thread pool: call Cancel() instead (its callbacks run on the loop, inline).";
        }

        if (FindMethod(frames, "Microsoft.Extensions.Hosting.BackgroundService.StartAsync") is not null)
        {
            return "BackgroundService.StartAsync starts ExecuteAsync with Task.Run (.NET 8 and later), on the thread pool: in a test, run the service's work on the loop (call ExecuteAsync through a nursery, as docs/libraries.md shows), not through StartAsync or IHost.StartAsync; or rewrite Microsoft.Extensions.Hosting.Abstractions with TrioTest.Rewriting (docs/rewriting.md).";
        }

        if (Find(frames, "System.Threading.Channels.") is not null)
        {
            return $"a System.Threading.Channels channel ran a reader's or writer's continuation on the thread pool (channels run them asynchronously, and ReadAllAsync awaits with ConfigureAwait(false)); reached from {culprit}: read with WaitToReadAsync and TryRead without ConfigureAwait(false), or use a TrioTest memory channel.";
        }

        if (Find(frames, "System.Threading.Tasks.ContinueWithTaskContinuation") is not null)
        {
            return $"a ContinueWith continuation ran on the thread pool when its task completed, reached from {culprit}: ContinueWith schedules on TaskScheduler.Current, which is the default (the pool) in async code; await the task instead.";
        }

        if (FindMethod(frames, "System.Threading.Tasks.Task.RunContinuations") is not null)
        {
            return $"when {culprit} completed a task on the loop (an async method's own, or a TaskCompletionSource's), the code that awaited it was sent to the thread pool: it awaited with ConfigureAwait(false) (the runtime does not run such a continuation inline while the task's context is current), or the task runs its continuations asynchronously. "
                + "In your code, await without ConfigureAwait(false), and signal between tasks with a TrioTest Event. A library that awaits your callback this way needs its own switch: Polly, a ResilienceContext with ContinueOnCapturedContext = true; IHost.StopAsync, stop the hosted services directly (docs/libraries.md). Or rewrite the library with TrioTest.Rewriting (docs/rewriting.md).";
        }

        if (Find(frames, "System.Threading.Tasks.Task.ScheduleAndStart") is not null || Find(frames, "System.Threading.ThreadPool.") is not null)
        {
            return $"Task.Run, Task.Factory.StartNew or ThreadPool.QueueUserWorkItem, called from {culprit}, sent work to the thread pool: start concurrent work in a nursery (Nursery.StartSoon), and run blocking work with Trio.ToThreadAsync, which the loop counts and waits for; code you cannot change can be rewritten with TrioTest.Rewriting (docs/rewriting.md).";
        }

        return $"code on the loop, in {culprit}, sent work to the thread pool: keep the test's work on the loop (a nursery for concurrency, Trio.ToThreadAsync for blocking work, Trio.TimeProvider for timers).";
    }

    /// <summary>
    /// The frames of <paramref name="stackTrace"/> that are neither the BCL's nor TrioTest's, innermost first, up to the
    /// loop: what a report shows, the same on every run (the BCL frames between them come and go with inlining).
    /// </summary>
    public static string UserFrames(string stackTrace)
    {
        // The same frames on every run of a seed, whatever tiered compilation inlined: an async method's kickoff frame
        // and its state machine's are shown as one, file and line are left out (an inlined frame loses them), and the
        // harness below the test's body (whose small lambdas the JIT inlines once hot) is cut.
        var kept = new List<string>();
        foreach (string raw in stackTrace.Split('\n'))
        {
            string frame = raw.Trim();
            if (!frame.StartsWith("at ", StringComparison.Ordinal))
            {
                continue;
            }

            if (frame.StartsWith("at TrioTest.Runner.", StringComparison.Ordinal) || IsHarness(frame))
            {
                // The loop, or the harness that runs the body: what is below is TrioTest's and the test framework's.
                break;
            }

            string shown = "   " + Normalize(frame);
            if (!IsMachinery(frame[3..]) && (kept.Count == 0 || kept[^1] != shown))
            {
                kept.Add(shown);
            }
        }

        return string.Join(Environment.NewLine, kept);
    }

    /// <summary>Whether a frame is the harness or an adapter running a test body (below the user's code).</summary>
    private static bool IsHarness(string frame) =>
        frame.StartsWith("at TrioTest.Testing.Exploration", StringComparison.Ordinal)
        || frame.StartsWith("at TrioTest.Testing.TrioTestRunner", StringComparison.Ordinal)
        || frame.StartsWith("at TrioTest.Xunit.Sdk.", StringComparison.Ordinal)
        || frame.StartsWith("at TrioTest.NUnit.Sdk.", StringComparison.Ordinal);

    /// <summary>
    /// Shows a frame without its file and line, and a lambda's state machine (<c>&lt;&lt;M&gt;b__0&gt;d.MoveNext()</c>) under its
    /// lambda's name (<c>&lt;M&gt;b__0()</c>), so the kickoff frame the JIT may inline and the state machine's read the same.
    /// </summary>
    private static string Normalize(string frame)
    {
        int file = frame.IndexOf(" in ", StringComparison.Ordinal);
        string text = file < 0 ? frame : frame[..file];
        Match machine = AsyncLambdaMachine().Match(text);
        if (machine.Success)
        {
            return text[..machine.Index] + machine.Groups["lambda"].Value + "()";
        }

        // A lambda's kickoff frame lists its parameters, its state machine's cannot: show neither.
        int parameters = text.IndexOf('(', StringComparison.Ordinal);
        return text.Contains(">b__", StringComparison.Ordinal) && parameters > 0 ? text[..parameters] + "()" : text;
    }

    /// <summary>A lambda's async state machine frame: <c>.&lt;&lt;Method&gt;b__1_0&gt;d.MoveNext()</c>.</summary>
    [GeneratedRegex(@"<(?<lambda><[^<>]+>b__[0-9_]+)>d(__[0-9]+)?\.MoveNext\(\)$")]
    private static partial Regex AsyncLambdaMachine();

    /// <summary>Gets the first frame that is neither the BCL's nor TrioTest's, readable.</summary>
    private static string FirstUserFrame(List<string> frames) =>
        frames.Find(static frame => !IsMachinery(frame)) is { } frame ? Readable(frame) : "code on the loop";

    /// <summary>Whether a frame is the BCL's or TrioTest's runtime, not the code that caused a departure.</summary>
    private static bool IsMachinery(string frame) => Array.Exists(s_machinery, prefix => frame.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>Splits a stack trace into frame names (<c>Namespace.Type.Method</c>), innermost first, up to the loop.</summary>
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
            string frame = paren > 3 ? line[3..paren] : line[3..];
            if (frame.StartsWith("TrioTest.Runner.", StringComparison.Ordinal))
            {
                // The loop: what is below it is the harness and whatever called it (a test framework's own continuations).
                break;
            }

            frames.Add(frame);
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
