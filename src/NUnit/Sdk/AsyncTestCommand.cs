using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Commands;

namespace TrioTest.NUnit.Sdk;

/// <summary>
/// What <c>[AsyncTest]</c> puts in place of NUnit's set-up, tear-down and method commands: the fixture-level test
/// actions NUnit would have run around them (once, on NUnit's thread), around the exploration.
/// </summary>
internal sealed class AsyncTestCommand : TestCommand
{
    /// <summary>The exploration.</summary>
    private readonly ExplorationCommand _exploration;

    /// <summary>Initializes a new instance of the <see cref="AsyncTestCommand"/> class.</summary>
    /// <param name="test">The test.</param>
    /// <param name="settings">Its resolved settings.</param>
    public AsyncTestCommand(TestMethod test, AsyncTestSettings settings)
        : base(test)
    {
        _exploration = new ExplorationCommand(test, settings);
    }

    /// <inheritdoc/>
    public override TestResult Execute(TestExecutionContext context)
    {
        // NUnit wraps these actions inside the commands this one replaces, so run them here, in the same order.
        TestCommand command = _exploration;
        for (int i = context.UpstreamActions.Count - 1; i >= 0; i--)
        {
            command = new TestActionCommand(command, context.UpstreamActions[i]);
        }

        return command.Execute(context);
    }
}
