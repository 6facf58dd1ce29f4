using System.Runtime.CompilerServices;
using TrioTest.Xunit.v3.Sdk;
using Xunit.v3;

namespace TrioTest.Xunit.v3;

/// <summary>
/// Marks an async theory that runs on TrioTest's deterministic loop: write it where you wrote <c>[Theory]</c>, with
/// <c>[InlineData]</c>, <c>[MemberData]</c> or <c>[ClassData]</c>. Each data row is explored and replayed on its own,
/// with the same settings and lifecycle as <see cref="AsyncTestAttribute"/>.
/// </summary>
/// <example>
/// <code>
/// [AsyncTheory(Iterations = 100)]
/// [InlineData(2)]
/// [InlineData(10)]
/// public async Task Workers_drain_the_queue(int workers) { /* ... */ }
/// </code>
/// </example>
[XunitTestCaseDiscoverer(typeof(AsyncTheoryDiscoverer))]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public class AsyncTheoryAttribute : AsyncTestAttribute, ITheoryAttribute
{
    /// <summary>Initializes a new instance of the <see cref="AsyncTheoryAttribute"/> class.</summary>
    /// <param name="sourceFilePath">The file that declares the test; the compiler fills it in.</param>
    /// <param name="sourceLineNumber">The line that declares the test; the compiler fills it in.</param>
    public AsyncTheoryAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
    }

    /// <inheritdoc/>
    public bool DisableDiscoveryEnumeration { get; set; }

    /// <inheritdoc/>
    public bool IncludeTestCaseIndex { get; set; }

    /// <inheritdoc/>
    public bool SkipTestWithoutData { get; set; }
}
