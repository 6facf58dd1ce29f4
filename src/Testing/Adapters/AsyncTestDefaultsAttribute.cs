namespace TrioTest.Testing;

/// <summary>
/// Sets defaults for every TrioTest test in the assembly, whichever framework runs it (xunit's, NUnit's, MSTest's and
/// TUnit's <c>[AsyncTest]</c>-style attributes); a value set on a test's own attribute wins. Environment variables still
/// apply on top (<c>TRIOTEST_SEED</c>, <c>TRIOTEST_ITERATIONS</c>).
/// </summary>
/// <remarks>The properties are those of <see cref="AsyncTestSettings"/>, with the same meanings and defaults.</remarks>
/// <example>
/// <code>
/// [assembly: AsyncTestDefaults(Iterations = 50, Strategy = ExplorationStrategy.Pct)]
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed partial class AsyncTestDefaultsAttribute : Attribute
{
    /// <summary>Gets the values set on this attribute, which <see cref="TestAdapterSupport.CreateOptions"/> puts under each test's own.</summary>
    internal AsyncTestSettings Settings { get; } = new();
}
