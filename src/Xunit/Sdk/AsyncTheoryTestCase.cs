using System.ComponentModel;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace TrioTest.Xunit.Sdk;

/// <summary>An <c>[AsyncTheory]</c> whose data cannot be serialized at discovery: its rows are enumerated at run time, each explored on the loop.</summary>
public sealed class AsyncTheoryTestCase : XunitTheoryTestCase, IAsyncTestCase
{
    /// <summary>Initializes a new instance of the <see cref="AsyncTheoryTestCase"/> class, for deserialization only.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes", error: true)]
    public AsyncTheoryTestCase()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="AsyncTheoryTestCase"/> class.</summary>
    /// <param name="diagnosticMessageSink">Where xunit's diagnostics go.</param>
    /// <param name="defaultMethodDisplay">How names are displayed.</param>
    /// <param name="defaultMethodDisplayOptions">How names are displayed.</param>
    /// <param name="testMethod">The test method.</param>
    /// <param name="settings">The resolved TrioTest settings.</param>
    internal AsyncTheoryTestCase(
        IMessageSink diagnosticMessageSink, TestMethodDisplay defaultMethodDisplay, TestMethodDisplayOptions defaultMethodDisplayOptions, ITestMethod testMethod, AsyncTestSettings settings)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod)
    {
        Settings = settings;
    }

    /// <inheritdoc/>
    AsyncTestSettings IAsyncTestCase.Settings => Settings;

    /// <summary>Gets the resolved settings.</summary>
    internal AsyncTestSettings Settings { get; private set; } = null!;

    /// <inheritdoc/>
    public override Task<RunSummary> RunAsync(IMessageSink diagnosticMessageSink, IMessageBus messageBus, object[] constructorArguments, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource) =>
        new AsyncTheoryTestCaseRunner(this, DisplayName, SkipReason, constructorArguments, diagnosticMessageSink, messageBus, aggregator, cancellationTokenSource).RunAsync();

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
