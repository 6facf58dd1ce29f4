using System.ComponentModel;
using Xunit.Sdk;
using Xunit.v3;

namespace TrioTest.Xunit.v3.Sdk;

/// <summary>An <c>[AsyncTheory]</c> whose rows are enumerated at run time (data xunit cannot serialize at discovery), each row explored on the loop.</summary>
public sealed class AsyncTheoryTestCase : XunitDelayEnumeratedTheoryTestCase, ISelfExecutingXunitTestCase, IAsyncTestCase
{
    /// <summary>Initializes a new instance of the <see cref="AsyncTheoryTestCase"/> class, for deserialization only.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public AsyncTheoryTestCase()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="AsyncTheoryTestCase"/> class with xunit's details of the theory and TrioTest's settings.</summary>
    internal AsyncTheoryTestCase(
        string settings, IXunitTestMethod testMethod, string testCaseDisplayName, string uniqueID, bool @explicit, bool skipTestWithoutData, Type[]? skipExceptions, string? skipReason,
        Type? skipType, string? skipUnless, string? skipWhen, Dictionary<string, HashSet<string>>? traits, string? sourceFilePath, int? sourceLineNumber)
        : base(testMethod, testCaseDisplayName, uniqueID, @explicit, skipTestWithoutData, skipExceptions, skipReason, skipType, skipUnless, skipWhen, traits, sourceFilePath, sourceLineNumber, timeout: null)
    {
        Settings = settings;
    }

    /// <inheritdoc/>
    public string Settings { get; private set; } = string.Empty;

    /// <inheritdoc/>
    public string AttributeName => "AsyncTheory";

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
    }

    /// <inheritdoc/>
    protected override void Deserialize(IXunitSerializationInfo info)
    {
        base.Deserialize(info);
        Settings = info.GetValue<string>("TrioSettings") ?? string.Empty;
    }
}
