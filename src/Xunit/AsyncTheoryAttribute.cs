using TrioTest.Xunit.Sdk;
using Xunit;
using Xunit.Sdk;

namespace TrioTest.Xunit;

/// <summary>
/// Marks an async theory that runs on TrioTest's deterministic loop: write it where you wrote <c>[Theory]</c>, with
/// <c>[InlineData]</c>, <c>[MemberData]</c> or <c>[ClassData]</c>. Each data row is explored and replayed on its own,
/// with the same settings as <see cref="AsyncTestAttribute"/>.
/// </summary>
/// <remarks>xunit's own <c>Timeout</c> (milliseconds of real time) becomes TrioTest's watchdog for the whole test, every schedule together; unset, it is five minutes.</remarks>
/// <example>
/// <code>
/// [AsyncTheory(Iterations = 100)]
/// [InlineData(2)]
/// [InlineData(10)]
/// public async Task Workers_drain_the_queue(int workers) { /* ... */ }
/// </code>
/// </example>
[XunitTestCaseDiscoverer("TrioTest.Xunit.Sdk.AsyncTheoryDiscoverer", "TrioTest.Xunit")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public partial class AsyncTheoryAttribute : TheoryAttribute
{
    /// <summary>Gets the values set on this attribute, for the discoverer; the generated properties (<see cref="AsyncTestSettings"/>'s) set them.</summary>
    internal AsyncTestSettings Settings { get; } = new();
}
