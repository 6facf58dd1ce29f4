using System.Runtime.CompilerServices;
using FluentAssertions;

namespace TrioTest.Testing.Tests.Running;

/// <summary>A task started and forgotten that fails is reported against its test, never lost.</summary>
public class UnobservedFailureTests
{
    private static TrioTestOptions Options(TextWriter? log = null) => new()
    {
        Seed = 3,
        TestName = "Shop.Forgets_a_task",
        Log = log,
        GetEnvironmentVariable = _ => null,
    };

    /// <summary>Keeps a forgotten task from the collector until the test lets go of it.</summary>
    private static Task? s_kept;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void StartAndForget(string message) => _ = FailAsync(message);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void StartAndKeep(string message) => s_kept = FailAsync(message);

    private static async Task FailAsync(string message)
    {
        await Trio.CheckpointAsync();
        throw new InvalidOperationException(message);
    }

    private static void CollectFinalizedTasks()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }

    [Fact]
    public void Run_ForgottenTaskFailsWhileTheTestRuns_FailsTheTestWithTheOriginalException()
    {
        TrioTestResult result = TrioTestRunner.Run(async () =>
        {
            StartAndForget("the forgotten send failed");
            await Trio.SleepAsync(TimeSpan.FromSeconds(1));
            CollectFinalizedTasks();
        }, Options());

        UnobservedTaskFailureException error = result.Failure.Should().BeOfType<UnobservedTaskFailureException>().Subject;
        error.TaskPath.Should().Be("main");
        error.InnerException.Should().BeOfType<InvalidOperationException>().Which.Message.Should().Be("the forgotten send failed");
        result.Report.Should().Contain("nobody awaited it").And.Contain("seed 0x0000000000000003");
    }

    [Fact]
    public void Run_ForgottenTaskFoundAfterTheTestEnded_IsWrittenToTheLogWithTheTestsNameAndSeed()
    {
        var log = new StringWriter();

        TrioTestResult result = TrioTestRunner.Run(async () =>
        {
            // Kept alive while the test runs, so no collection can find it early whatever the machine does.
            StartAndKeep("found late");
            await Trio.SleepAsync(TimeSpan.FromSeconds(1));
        }, Options(TextWriter.Synchronized(log)));
        s_kept = null;
        CollectFinalizedTasks();

        result.Passed.Should().BeTrue(result.Report);
        log.ToString().Should().Contain("TrioTest: after test Shop.Forgets_a_task ended, an async method started in task main failed and nobody awaited it: InvalidOperationException: found late")
            .And.Contain("(seed 0x0000000000000003)");
    }

    [Fact]
    public void Run_FailureThatIsAwaited_IsNotReportedTwice()
    {
        TrioTestResult result = TrioTestRunner.Run(async () =>
        {
            Task failing = FailAsync("awaited");
            try
            {
                await failing;
            }
            catch (InvalidOperationException)
            {
            }

            CollectFinalizedTasks();
        }, Options());

        result.Passed.Should().BeTrue(result.Report);
    }
}
