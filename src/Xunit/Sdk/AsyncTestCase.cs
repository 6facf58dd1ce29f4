using System.ComponentModel;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace TrioTest.Xunit.Sdk;

/// <summary>An <c>[AsyncTest]</c> (or one data row of an <c>[AsyncTheory]</c>): an xunit test case that carries its TrioTest settings and runs on the loop.</summary>
public sealed class AsyncTestCase : XunitTestCase, IAsyncTestCase
{
    /// <summary>Initializes a new instance of the <see cref="AsyncTestCase"/> class, for deserialization only.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes", error: true)]
    public AsyncTestCase()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="AsyncTestCase"/> class.</summary>
    /// <param name="diagnosticMessageSink">Where xunit's diagnostics go.</param>
    /// <param name="defaultMethodDisplay">How names are displayed.</param>
    /// <param name="defaultMethodDisplayOptions">How names are displayed.</param>
    /// <param name="testMethod">The test method.</param>
    /// <param name="settings">The resolved TrioTest settings.</param>
    /// <param name="testMethodArguments">The data row, for a theory.</param>
    internal AsyncTestCase(
        IMessageSink diagnosticMessageSink, TestMethodDisplay defaultMethodDisplay, TestMethodDisplayOptions defaultMethodDisplayOptions, ITestMethod testMethod, AsyncTestSettings settings, object[]? testMethodArguments = null)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod, testMethodArguments)
    {
        Settings = settings;
    }

    /// <inheritdoc/>
    AsyncTestSettings IAsyncTestCase.Settings => Settings;

    /// <summary>Gets the resolved settings.</summary>
    internal AsyncTestSettings Settings { get; private set; } = null!;

    /// <inheritdoc/>
    public override Task<RunSummary> RunAsync(IMessageSink diagnosticMessageSink, IMessageBus messageBus, object[] constructorArguments, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource) =>
        new AsyncTestCaseRunner(this, DisplayName, SkipReason, constructorArguments, TestMethodArguments, messageBus, aggregator, cancellationTokenSource).RunAsync();

    /// <inheritdoc/>
    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue("TrioTestSettings", Settings.Serialize());
    }

    /// <inheritdoc/>
    public override void Deserialize(IXunitSerializationInfo data)
    {
        base.Deserialize(data);
        Settings = AsyncTestSettings.Deserialize(data.GetValue<string>("TrioTestSettings"));
    }
}
