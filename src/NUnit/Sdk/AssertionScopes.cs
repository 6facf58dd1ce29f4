using System.Reflection;
using NUnit.Framework.Internal;

namespace TrioTest.NUnit.Sdk;

/// <summary>
/// Reads how many <c>Assert.EnterMultipleScope()</c> scopes are open in a test, so a schedule that ends with one still
/// open fails as NUnit's own method command fails it. NUnit keeps the count internal (NUnit 5 adds only a yes/no
/// <c>TestContext.IsInsideMultipleAssert</c>), so it is read by name; if a future NUnit renames it, the check is skipped
/// and failures inside an open scope are still caught by their recorded assertion results.
/// </summary>
internal static class AssertionScopes
{
    /// <summary>NUnit's internal count of open scopes, or <see langword="null"/> if this NUnit has none by that name.</summary>
    private static readonly PropertyInfo? s_level = typeof(TestExecutionContext).GetProperty("MultipleAssertLevel", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);

    /// <summary>Gets how many scopes are open in <paramref name="context"/>; 0 if NUnit does not tell.</summary>
    /// <param name="context">The test's execution context.</param>
    /// <returns>The number of open scopes.</returns>
    public static int Count(TestExecutionContext context) => s_level?.GetValue(context) is int level ? level : 0;
}
