using System.ComponentModel;
using Xunit.Sdk;
using Xunit.v3;

namespace TrioTest.Xunit.v3.Sdk;

/// <summary>An <c>[AsyncTest]</c>, or one data row of an <c>[AsyncTheory]</c>: xunit's test case, run by <see cref="AsyncTestRunner"/> on the loop.</summary>
public sealed class AsyncTestCase : XunitTestCase, ISelfExecutingXunitTestCase, IAsyncTestCase
{
    /// <summary>Initializes a new instance of the <see cref="AsyncTestCase"/> class, for deserialization only.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public AsyncTestCase()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="AsyncTestCase"/> class with xunit's details of the test and TrioTest's settings.</summary>
    internal AsyncTestCase(
        string settings, string attributeName, IXunitTestMethod testMethod, string testCaseDisplayName, string uniqueID, bool @explicit, Type[]? skipExceptions, string? skipReason,
        Type? skipType, string? skipUnless, string? skipWhen, Dictionary<string, HashSet<string>>? traits, object?[]? testMethodArguments, string? sourceFilePath, int? sourceLineNumber)
        : base(testMethod, testCaseDisplayName, uniqueID, @explicit, skipExceptions, skipReason, skipType, skipUnless, skipWhen, traits, testMethodArguments, sourceFilePath, sourceLineNumber, timeout: null)
    {
        Settings = settings;
        AttributeName = attributeName;
    }

    /// <inheritdoc/>
    public string Settings { get; private set; } = string.Empty;

    /// <inheritdoc/>
    public string AttributeName { get; private set; } = "AsyncTest";

    /// <inheritdoc/>
    public ValueTask<RunSummary> Run(
        ExplicitOption explicitOption, IMessageBus messageBus, object?[] constructorArguments, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource,
        ParallelMode parallelMode, ExecutionScheduler scheduler, FixtureMappingManager fixtureMappings) =>
        AsyncTestCaseRunner.Instance.RunAsync(this, explicitOption, messageBus, constructorArguments, aggregator, cancellationTokenSource, parallelMode, scheduler, fixtureMappings);

    /// <inheritdoc/>
    protected override void Serialize(IXunitSerializationInfo info)
    {
        base.Serialize(info);
        info.AddValue("TrioSettings", Settings);
        info.AddValue("TrioAttribute", AttributeName);
    }

    /// <inheritdoc/>
    protected override void Deserialize(IXunitSerializationInfo info)
    {
        base.Deserialize(info);
        Settings = info.GetValue<string>("TrioSettings") ?? string.Empty;
        AttributeName = info.GetValue<string>("TrioAttribute") ?? "AsyncTest";
    }
}
