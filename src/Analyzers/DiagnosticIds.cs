namespace TrioTest.Analyzers;

/// <summary>The IDs of TrioTest's diagnostics, shared (as source) by the analyzers and their code fixes.</summary>
internal static class DiagnosticIds
{
    /// <summary>A real timer (<c>Task.Delay</c>, <c>PeriodicTimer</c>, a timed <c>CancellationTokenSource</c>, <c>CancelAfter</c>, <c>Timer</c>) without a <c>TimeProvider</c>.</summary>
    public const string RealTimer = "TRIO001";

    /// <summary>An ambient clock: <c>DateTime.Now/UtcNow</c>, <c>DateTimeOffset.Now/UtcNow</c>, <c>Stopwatch</c>, <c>Environment.TickCount</c>.</summary>
    public const string AmbientClock = "TRIO002";

    /// <summary>Work sent to the thread pool: <c>Task.Run</c>, <c>TaskFactory.StartNew</c>, <c>ThreadPool.QueueUserWorkItem</c>.</summary>
    public const string ThreadPoolWork = "TRIO003";

    /// <summary><c>CancellationTokenSource.CancelAsync</c>, whose callbacks run on the thread pool.</summary>
    public const string CancelAsync = "TRIO004";

    /// <summary>A blocking wait on the loop: <c>.Result</c>, <c>.Wait()</c>, <c>GetAwaiter().GetResult()</c>, <c>Task.WaitAll/WaitAny</c>.</summary>
    public const string BlockingWait = "TRIO005";

    /// <summary>An unseeded <c>Random</c>: <c>new Random()</c> or <c>Random.Shared</c>.</summary>
    public const string UnseededRandom = "TRIO006";

    /// <summary>An <c>[AsyncTest]</c> or <c>[AsyncTheory]</c> method TrioTest cannot run: <c>async void</c>, not returning a task, or generic.</summary>
    public const string TestMethodShape = "TRIO007";

    /// <summary>NUnit's blocking async assertions (<c>Assert.ThrowsAsync</c>, <c>CatchAsync</c>, <c>DoesNotThrowAsync</c>, <c>Multiple(async ...)</c>) under <c>[AsyncTest]</c>.</summary>
    public const string NUnitBlockingAssert = "TRIO008";

    /// <summary>Awaits that leave the loop inside library code: <c>ChannelReader.ReadAllAsync</c>, and <c>ConfigureAwait(false)</c> on a caller's callback.</summary>
    public const string LibraryAwait = "TRIO009";
}
