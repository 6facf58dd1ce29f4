namespace TrioTest.Analyzers;

/// <summary>
/// The keys and values of <c>Diagnostic.Properties</c> through which an analyzer tells its code fix what it found, so the
/// fix rewrites without binding the code again.
/// </summary>
internal static class FixHints
{
    /// <summary>The key of the fix to offer; absent when no fix is safe.</summary>
    public const string Fix = "TrioFix";

    /// <summary>TRIO001: add a <c>TimeProvider</c> argument after the first one (a <c>TimeSpan</c>).</summary>
    public const string AddProvider = "AddProvider";

    /// <summary>TRIO001: add a <c>TimeProvider</c> argument after the first one, an <c>int</c> of milliseconds that becomes a <c>TimeSpan</c>.</summary>
    public const string AddProviderFromMilliseconds = "AddProviderFromMilliseconds";

    /// <summary>TRIO002: <c>DateTime.UtcNow</c> becomes <c>provider.GetUtcNow().UtcDateTime</c>.</summary>
    public const string DateTimeUtcNow = "DateTimeUtcNow";

    /// <summary>TRIO002: <c>DateTime.Now</c> becomes <c>provider.GetLocalNow().DateTime</c>.</summary>
    public const string DateTimeNow = "DateTimeNow";

    /// <summary>TRIO002: <c>DateTime.Today</c> becomes <c>provider.GetLocalNow().Date</c>.</summary>
    public const string DateTimeToday = "DateTimeToday";

    /// <summary>TRIO002: <c>DateTimeOffset.UtcNow</c> becomes <c>provider.GetUtcNow()</c>.</summary>
    public const string DateTimeOffsetUtcNow = "DateTimeOffsetUtcNow";

    /// <summary>TRIO002: <c>DateTimeOffset.Now</c> becomes <c>provider.GetLocalNow()</c>.</summary>
    public const string DateTimeOffsetNow = "DateTimeOffsetNow";

    /// <summary>TRIO002: <c>Stopwatch.GetTimestamp()</c> and <c>Stopwatch.GetElapsedTime(...)</c> become the provider's methods of the same name.</summary>
    public const string StopwatchStatic = "StopwatchStatic";

    /// <summary>TRIO003: <c>Task.Run(work)</c> with synchronous work becomes <c>Trio.ToThreadAsync(work)</c>.</summary>
    public const string ToThread = "ToThread";

    /// <summary>TRIO004: <c>await source.CancelAsync();</c> becomes <c>source.Cancel();</c>.</summary>
    public const string Cancel = "Cancel";

    /// <summary>TRIO005: <c>task.Result</c> becomes <c>(await task)</c>.</summary>
    public const string AwaitResult = "AwaitResult";

    /// <summary>TRIO005: <c>task.Wait();</c> becomes <c>await task;</c>.</summary>
    public const string AwaitWait = "AwaitWait";

    /// <summary>TRIO005: <c>task.GetAwaiter().GetResult()</c> becomes <c>(await task)</c>.</summary>
    public const string AwaitGetResult = "AwaitGetResult";

    /// <summary>TRIO006: <c>new Random()</c> becomes a generator seeded from the schedule's seed.</summary>
    public const string SeedFromSchedule = "SeedFromSchedule";

    /// <summary>TRIO007: <c>async void</c> becomes <c>async Task</c>.</summary>
    public const string ReturnTask = "ReturnTask";

    /// <summary>TRIO008: a blocking NUnit assertion becomes its awaited form; the key <see cref="Constraint"/> holds the constraint.</summary>
    public const string AwaitAssertion = "AwaitAssertion";

    /// <summary>TRIO008: <c>Assert.Multiple(async ...)</c> becomes <c>await Assert.MultipleAsync(async ...)</c>.</summary>
    public const string AwaitMultiple = "AwaitMultiple";

    /// <summary>TRIO008: the key of the NUnit constraint the awaited assertion takes (<c>Throws.TypeOf&lt;T&gt;()</c>, ...).</summary>
    public const string Constraint = "TrioConstraint";

    /// <summary>TRIO009: <c>await foreach (x in reader.ReadAllAsync())</c> becomes a <c>WaitToReadAsync</c>/<c>TryRead</c> loop.</summary>
    public const string WaitToReadLoop = "WaitToReadLoop";

    /// <summary>TRIO009: <c>await callback().ConfigureAwait(false)</c> becomes <c>await callback()</c>.</summary>
    public const string RemoveConfigureAwait = "RemoveConfigureAwait";
}
