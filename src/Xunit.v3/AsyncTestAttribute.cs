using System.Runtime.CompilerServices;
using TrioTest.Xunit.v3.Sdk;
using Xunit;
using Xunit.v3;

namespace TrioTest.Xunit.v3;

/// <summary>
/// Marks an async test that runs on TrioTest's deterministic loop: write it where you wrote <c>[Fact]</c>. For each
/// schedule xunit v3 creates the test class (with its fixtures and <c>ITestOutputHelper</c>), runs
/// <c>IAsyncLifetime.InitializeAsync</c>, the before/after attributes, the body, <c>DisposeAsync</c> and <c>Dispose</c>,
/// all on the loop under a virtual clock that autojumps; which ready task runs next is chosen by a seed that every
/// failure prints.
/// </summary>
/// <remarks>
/// xunit's own <c>Timeout</c> (milliseconds of real time) becomes TrioTest's watchdog for the whole test, every schedule
/// together (xunit would otherwise run the test on a thread-pool task, off the loop). Class, collection and assembly
/// fixtures are created once by xunit and shared, as usual.
/// </remarks>
/// <example>
/// <code>
/// [AsyncTest(Iterations = 500)]
/// public async Task Transfers_keep_the_total()
/// {
///     await Nursery.RunAsync(async nursery => { /* ... */ });
/// }
///
/// [AsyncTest(Seed = "0x9E3779B97F4A7C15")]   // pasted from a failure report: replays that schedule
/// public async Task Transfers_keep_the_total_replayed() { /* ... */ }
/// </code>
/// </example>
[XunitTestCaseDiscoverer(typeof(AsyncTestDiscoverer))]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public partial class AsyncTestAttribute : FactAttribute
{
    /// <summary>Initializes a new instance of the <see cref="AsyncTestAttribute"/> class.</summary>
    /// <param name="sourceFilePath">The file that declares the test; the compiler fills it in.</param>
    /// <param name="sourceLineNumber">The line that declares the test; the compiler fills it in.</param>
    public AsyncTestAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
    }

    /// <summary>Gets the values set on this attribute, for the discoverer (the rest come from the assembly's defaults, then TrioTest's); the generated properties (<see cref="AsyncTestSettings"/>'s) set them.</summary>
    internal AsyncTestSettings Settings { get; } = new();
}
