using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Commands;

namespace TrioTest.NUnit.Sdk;

/// <summary>Fails a test that cannot run, with the sentence that says what to change: NUnit's "Invalid" result, as for a test it cannot build.</summary>
internal sealed class InvalidTestCommand : TestCommand
{
    /// <summary>What is wrong and how to fix it.</summary>
    private readonly string _reason;

    /// <summary>Initializes a new instance of the <see cref="InvalidTestCommand"/> class.</summary>
    /// <param name="test">The test.</param>
    /// <param name="reason">What is wrong and how to fix it.</param>
    public InvalidTestCommand(Test test, string reason)
        : base(test)
    {
        _reason = reason;
    }

    /// <inheritdoc/>
    public override TestResult Execute(TestExecutionContext context)
    {
        context.CurrentResult.SetResult(ResultState.NotRunnable, _reason);
        return context.CurrentResult;
    }
}
