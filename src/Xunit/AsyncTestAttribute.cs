using TrioTest.Xunit.Sdk;
using Xunit;
using Xunit.Sdk;

namespace TrioTest.Xunit;

/// <summary>
/// Marks an async test that runs on TrioTest's deterministic loop: write it where you wrote <c>[Fact]</c>. The test
/// class's constructor, <c>IAsyncLifetime</c>, the body and <c>Dispose</c> all run on the loop under a virtual clock
/// that autojumps; which ready task runs next is chosen by a seed that every failure prints.
/// </summary>
/// <remarks>xunit's own <c>Timeout</c> (milliseconds of real time) becomes TrioTest's watchdog for the whole test, every schedule together; unset, it is five minutes.</remarks>
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
[XunitTestCaseDiscoverer("TrioTest.Xunit.Sdk.AsyncTestDiscoverer", "TrioTest.Xunit")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public partial class AsyncTestAttribute : FactAttribute
{
    /// <summary>Gets the values set on this attribute, for the discoverer; the generated properties (<see cref="AsyncTestSettings"/>'s) set them.</summary>
    internal AsyncTestSettings Settings { get; } = new();
}
