using Xunit;
using Xunit.Sdk;
using Xunit.v3;

namespace TrioTest.Xunit.v3.Sdk;

/// <summary>
/// Discovers <see cref="AsyncTheoryAttribute"/> methods: one <see cref="AsyncTestCase"/> per data row xunit can enumerate
/// at discovery (so Test Explorer shows and filters each row), or one <see cref="AsyncTheoryTestCase"/> that enumerates
/// its rows at run time.
/// </summary>
public sealed class AsyncTheoryDiscoverer : TheoryDiscoverer
{
    /// <inheritdoc/>
    public override ValueTask<IReadOnlyCollection<IXunitTestCase>> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, IXunitTestMethod testMethod, IFactAttribute factAttribute) =>
        Discovery.Check(discoveryOptions, testMethod, factAttribute, "AsyncTheory") is { } error
            ? new([error])
            : base.Discover(discoveryOptions, testMethod, factAttribute);

    /// <inheritdoc/>
    protected override ValueTask<IReadOnlyCollection<IXunitTestCase>> CreateTestCasesForDataRow(
        ITestFrameworkDiscoveryOptions discoveryOptions, IXunitTestMethod testMethod, ITheoryAttribute theoryAttribute, ITheoryDataRow dataRow, object?[] testMethodArguments, string? index)
    {
        var details = TestIntrospectionHelper.GetTestCaseDetailsForTheoryDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow, testMethodArguments, index);
        return new([new AsyncTestCase(
            Discovery.Settings(theoryAttribute), "AsyncTheory", details.ResolvedTestMethod, details.TestCaseDisplayName, details.UniqueID, details.Explicit, details.SkipExceptions,
            details.SkipReason, details.SkipType, details.SkipUnless, details.SkipWhen, TestIntrospectionHelper.GetTraits(testMethod, dataRow), testMethodArguments,
            details.SourceFilePath, details.SourceLineNumber)]);
    }

    /// <inheritdoc/>
    protected override ValueTask<IReadOnlyCollection<IXunitTestCase>> CreateTestCasesForTheory(ITestFrameworkDiscoveryOptions discoveryOptions, IXunitTestMethod testMethod, ITheoryAttribute theoryAttribute)
    {
        var details = TestIntrospectionHelper.GetTestCaseDetails(discoveryOptions, testMethod, theoryAttribute);
        return new([new AsyncTheoryTestCase(
            Discovery.Settings(theoryAttribute), details.ResolvedTestMethod, details.TestCaseDisplayName, details.UniqueID, details.Explicit, theoryAttribute.SkipTestWithoutData,
            details.SkipExceptions, details.SkipReason, details.SkipType, details.SkipUnless, details.SkipWhen,
            testMethod.Traits.ToDictionary(static t => t.Key, static t => new HashSet<string>(t.Value), StringComparer.OrdinalIgnoreCase), details.SourceFilePath, details.SourceLineNumber)]);
    }
}
