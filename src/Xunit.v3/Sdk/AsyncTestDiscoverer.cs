using Xunit.Sdk;
using Xunit.v3;

namespace TrioTest.Xunit.v3.Sdk;

/// <summary>Discovers <see cref="AsyncTestAttribute"/> methods: one <see cref="AsyncTestCase"/> each, or a failing test that says what to fix.</summary>
public sealed class AsyncTestDiscoverer : FactDiscoverer
{
    /// <inheritdoc/>
    /// <remarks>Checked here, before xunit's own checks, so a generic method or one with parameters is told about <c>[AsyncTest]</c> and <c>[AsyncTheory]</c>, not <c>[Fact]</c>.</remarks>
    public override ValueTask<IReadOnlyCollection<IXunitTestCase>> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, IXunitTestMethod testMethod, IFactAttribute factAttribute) =>
        new([Discovery.Check(discoveryOptions, testMethod, factAttribute, "AsyncTest") ?? CreateTestCase(discoveryOptions, testMethod, factAttribute)]);

    /// <inheritdoc/>
    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions discoveryOptions, IXunitTestMethod testMethod, IFactAttribute factAttribute)
    {
        var details = TestIntrospectionHelper.GetTestCaseDetails(discoveryOptions, testMethod, factAttribute);
        return new AsyncTestCase(
            Discovery.Settings(factAttribute), "AsyncTest", details.ResolvedTestMethod, details.TestCaseDisplayName, details.UniqueID, details.Explicit, details.SkipExceptions,
            details.SkipReason, details.SkipType, details.SkipUnless, details.SkipWhen, testMethod.Traits.ToDictionary(static t => t.Key, static t => new HashSet<string>(t.Value), StringComparer.OrdinalIgnoreCase),
            testMethodArguments: null, details.SourceFilePath, details.SourceLineNumber);
    }
}
