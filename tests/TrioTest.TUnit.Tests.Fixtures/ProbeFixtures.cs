using TUnit.Core.Executors;
using TUnit.Core.Interfaces;

namespace TrioTest.TUnit.Tests.Fixtures;

/// <summary>
/// The probe behind the adapter's design: each schedule calls TUnit's own invocation of the test (the action TUnit hands
/// a test executor) on the loop. It does not stay there: TUnit awaits the test's task with ConfigureAwait(false).
/// </summary>
public sealed class ViaTUnitActionExecutor : ITestExecutor
{
    public async ValueTask ExecuteTest(TestContext context, Func<ValueTask> action)
    {
        TrioTestResult result = await TrioTestRunner.RunAsync(
            async _ => await action(),
            new TrioTestOptions { TestName = context.Metadata.TestDetails.TestName, GetEnvironmentVariable = static _ => null });
        if (!result.Passed)
        {
            throw new TrioTestFailedException(result);
        }
    }
}

public sealed class ProbeFixtures
{
    [Test, TestExecutor<ViaTUnitActionExecutor>]
    public async Task Body_that_awaits_the_loop_through_TUnits_own_invocation() => await Trio.SleepAsync(TimeSpan.FromSeconds(1));
}
