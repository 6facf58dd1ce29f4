using Xunit.Abstractions;
using Xunit.Sdk;

namespace TrioTest.Xunit.Sdk;

/// <summary>
/// Discovers <see cref="AsyncTheoryAttribute"/> methods: one <see cref="AsyncTestCase"/> per serializable data row (so
/// Test Explorer shows and filters each row), or one <see cref="AsyncTheoryTestCase"/> that enumerates rows at run time.
/// </summary>
public sealed class AsyncTheoryDiscoverer : TheoryDiscoverer
{
    /// <summary>Initializes a new instance of the <see cref="AsyncTheoryDiscoverer"/> class.</summary>
    /// <param name="diagnosticMessageSink">Where xunit's diagnostics go.</param>
    public AsyncTheoryDiscoverer(IMessageSink diagnosticMessageSink)
        : base(diagnosticMessageSink)
    {
    }

    /// <inheritdoc/>
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute)
    {
        if (TestMethodCheck.Resolve(testMethod, theoryAttribute, "AsyncTheory", out string? error) is null)
        {
            return [new ExecutionErrorTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, error!)];
        }

        return base.Discover(discoveryOptions, testMethod, theoryAttribute);
    }

    /// <inheritdoc/>
    protected override IEnumerable<IXunitTestCase> CreateTestCasesForDataRow(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute, object[] dataRow) =>
        [new AsyncTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, Settings(testMethod, theoryAttribute), dataRow)];

    /// <inheritdoc/>
    protected override IEnumerable<IXunitTestCase> CreateTestCasesForTheory(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        [new AsyncTheoryTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, Settings(testMethod, theoryAttribute))];

    /// <summary>Resolves settings already validated by <see cref="Discover"/>.</summary>
    private static AsyncTestSettings Settings(ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        TestMethodCheck.Resolve(testMethod, theoryAttribute, "AsyncTheory", out _)!;
}
