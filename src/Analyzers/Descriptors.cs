using Microsoft.CodeAnalysis;

namespace TrioTest.Analyzers;

/// <summary>
/// The descriptors of TrioTest's diagnostics. Each links to its section of docs/analyzers.md. Rules about code on the
/// loop are warnings (a user can see the run-time report instead, and a repository's own escape tests suppress them
/// where they mean it); a test method TrioTest cannot run at all is an error.
/// </summary>
internal static class Descriptors
{
    /// <summary>The category of every TrioTest rule.</summary>
    private const string Category = "TrioTest";

    /// <summary>The page the help links point into; each rule's section is headed by its ID.</summary>
    private const string HelpBase = "https://github.com/triotest/triotest/blob/main/docs/analyzers.md#";

    /// <summary>TRIO001: a real timer without a <c>TimeProvider</c>.</summary>
    public static readonly DiagnosticDescriptor RealTimer = Create(
        DiagnosticIds.RealTimer,
        "Real timer without a TimeProvider",
        "{0} starts a real timer, which fires outside the loop's virtual time: pass Trio.TimeProvider in tests, or an injected TimeProvider in production code",
        "A timer created without a TimeProvider uses the machine's clock: under [AsyncTest] it does not autojump, it fires on a thread-pool thread (an escape), and a schedule that waits for it is not replayable. Every timed BCL API has an overload that takes a TimeProvider.",
        DiagnosticSeverity.Warning);

    /// <summary>TRIO002: an ambient clock.</summary>
    public static readonly DiagnosticDescriptor AmbientClock = Create(
        DiagnosticIds.AmbientClock,
        "Ambient clock in test code",
        "{0} reads the machine's clock, not the run's virtual clock: use Trio.CurrentTime or the provider's GetUtcNow/GetTimestamp",
        "Under [AsyncTest] time is virtual: an hour of sleeps passes in microseconds. The machine's clocks do not move with it, so a test that reads them measures nothing and differs from run to run.",
        DiagnosticSeverity.Warning);

    /// <summary>TRIO003: work sent to the thread pool.</summary>
    public static readonly DiagnosticDescriptor ThreadPoolWork = Create(
        DiagnosticIds.ThreadPoolWork,
        "Thread-pool work in [AsyncTest] code",
        "{0} runs work on the thread pool, off the loop: start concurrent work in a nursery, or run blocking work with Trio.ToThreadAsync",
        "Work on the thread pool is not scheduled by the seed: its interleaving with the test is the machine's, so a failure does not replay. A nursery runs concurrent tasks on the loop; Trio.ToThreadAsync runs blocking work on a thread the loop counts and rejoins deterministically.",
        DiagnosticSeverity.Warning);

    /// <summary>TRIO004: <c>CancelAsync</c>.</summary>
    public static readonly DiagnosticDescriptor CancelAsync = Create(
        DiagnosticIds.CancelAsync,
        "CancelAsync in test code",
        "CancelAsync runs the token's callbacks on the thread pool, off the loop: call Cancel()",
        "CancellationTokenSource.CancelAsync queues the registered callbacks to the thread pool; on the loop, Cancel() runs them at once, at a point the seed decides.",
        DiagnosticSeverity.Warning);

    /// <summary>TRIO005: a blocking wait on the loop.</summary>
    public static readonly DiagnosticDescriptor BlockingWait = Create(
        DiagnosticIds.BlockingWait,
        "Blocking wait on the loop",
        "{0} blocks the loop's only thread until the task completes, and the task needs that thread to complete: a certain hang; use await",
        "The loop runs every task on one thread. A task that has not completed can only complete when the loop runs its continuation, which it cannot do while its thread is blocked waiting for that task.",
        DiagnosticSeverity.Warning);

    /// <summary>TRIO006: an unseeded <c>Random</c>.</summary>
    public static readonly DiagnosticDescriptor UnseededRandom = Create(
        DiagnosticIds.UnseededRandom,
        "Unseeded Random in [AsyncTest] code",
        "{0} draws numbers no seed replays: seed the generator, for example from TrioTestContext.Current.Seed",
        "A failing schedule is replayed from the seed its report prints. Numbers from an unseeded generator differ on the replay, so the failure may not come back.",
        DiagnosticSeverity.Warning);

    /// <summary>TRIO007: a test method TrioTest cannot run.</summary>
    public static readonly DiagnosticDescriptor TestMethodShape = Create(
        DiagnosticIds.TestMethodShape,
        "[AsyncTest] method TrioTest cannot run",
        "{0}",
        "TrioTest drives a test method's Task or ValueTask on its loop. An 'async void' method's failures escape the test, a method that returns something else is not async code, and a generic method's type arguments cannot be chosen. The adapters reject these methods at discovery; this rule rejects them as they are written.",
        DiagnosticSeverity.Error);

    /// <summary>TRIO008: a blocking NUnit assertion under <c>[AsyncTest]</c>.</summary>
    public static readonly DiagnosticDescriptor NUnitBlockingAssert = Create(
        DiagnosticIds.NUnitBlockingAssert,
        "Blocking NUnit async assertion in [AsyncTest]",
        "Assert.{0} waits for its async delegate by blocking the loop's only thread, a certain hang under [AsyncTest]: use {1}",
        "NUnit's Assert.ThrowsAsync, CatchAsync, DoesNotThrowAsync and Multiple(async ...) return synchronously: they block the calling thread until the delegate's task completes. On the loop that task cannot complete. NUnit 4 has awaitable forms: Assert.ThatAsync and Assert.MultipleAsync.",
        DiagnosticSeverity.Warning);

    /// <summary>TRIO009, first form: <c>ChannelReader.ReadAllAsync</c> under <c>[AsyncTest]</c>.</summary>
    public static readonly DiagnosticDescriptor ReadAllAsync = Create(
        DiagnosticIds.LibraryAwait,
        "Await that leaves the loop inside a library",
        "ChannelReader.ReadAllAsync resumes with ConfigureAwait(false) inside the BCL, off the loop: loop on WaitToReadAsync and TryRead",
        "ReadAllAsync awaits WaitToReadAsync with ConfigureAwait(false); when it has to wait, the rest of the enumeration runs on the thread pool. A WaitToReadAsync/TryRead loop in your code resumes on the loop. TrioTest.Rewriting rewrites ReadAllAsync in code you cannot change.",
        DiagnosticSeverity.Warning);

    /// <summary>TRIO009, second form: <c>ConfigureAwait(false)</c> on a caller's callback.</summary>
    public static readonly DiagnosticDescriptor CallbackConfigureAwait = Create(
        DiagnosticIds.LibraryAwait,
        "Await that leaves the loop inside a library",
        "Awaiting the caller's callback '{0}' with ConfigureAwait(false) resumes this method on the thread pool, off the caller's loop: await it on the caller's context",
        "When a callback the caller passed in completes asynchronously, ConfigureAwait(false) sends the rest of this method to the thread pool. Under [AsyncTest] that is an escape; in an application it runs the rest of your method outside the caller's context. Awaiting the caller's own code on the caller's context keeps both on the loop.",
        DiagnosticSeverity.Warning);

    /// <summary>Creates a descriptor enabled by default, with the help link of <paramref name="id"/>.</summary>
    private static DiagnosticDescriptor Create(string id, string title, string message, string description, DiagnosticSeverity severity) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, description, HelpBase + id.ToLowerInvariant());
}
