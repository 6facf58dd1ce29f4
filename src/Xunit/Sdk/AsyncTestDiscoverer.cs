using Xunit.Abstractions;
using Xunit.Sdk;

namespace TrioTest.Xunit.Sdk;

/// <summary>Discovers <see cref="AsyncTestAttribute"/> methods: one <see cref="AsyncTestCase"/> each, or a failing test that says what to fix.</summary>
public sealed class AsyncTestDiscoverer : FactDiscoverer
{
    /// <summary>Initializes a new instance of the <see cref="AsyncTestDiscoverer"/> class.</summary>
    /// <param name="diagnosticMessageSink">Where xunit's diagnostics go.</param>
    public AsyncTestDiscoverer(IMessageSink diagnosticMessageSink)
        : base(diagnosticMessageSink)
    {
    }

    /// <inheritdoc/>
    /// <remarks>Checked here, before xunit's own checks, so a generic method or one with parameters is told about <c>[AsyncTest]</c> and <c>[AsyncTheory]</c>, not <c>[Fact]</c>.</remarks>
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        [CreateTestCase(discoveryOptions, testMethod, factAttribute)];

    /// <inheritdoc/>
    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        AsyncTestSettings? settings = TestMethodCheck.Resolve(testMethod, factAttribute, "AsyncTest", out string? error);
        return settings is null
            ? new ExecutionErrorTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, error!)
            : new AsyncTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, settings);
    }
}
