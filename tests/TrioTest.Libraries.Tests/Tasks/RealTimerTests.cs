using TrioTest.Testing;

namespace TrioTest.Libraries.Tests.Tasks;

/// <summary>
/// A real timer leaves no trace when it is created (no runtime event marks it on the loop thread), so a legacy
/// <c>Task.Delay(TimeSpan)</c> without a provider is seen only when the loop finds every task blocked: a deadlock
/// report, the same on every run, whose advice names the cause. Rewriting runs it in virtual time instead.
/// </summary>
public sealed class RealTimerTests
{
    [Fact]
    public void TaskDelayWithoutAProvider_IsReportedAsADeadlockNamingTheCause_WithOneReportPerSeed()
    {
        var reports = new HashSet<string>();

        for (int run = 0; run < LeavingTheLoop.Runs; run++)
        {
            TrioTestResult result = TrioTestRunner.Run(async () => await Task.Delay(TimeSpan.FromHours(1)), new TrioTestOptions { Seed = 42, GetEnvironmentVariable = _ => null });
            Assert.IsType<DeadlockException>(result.Failure);
            reports.Add(result.Report!);
        }

        string report = Assert.Single(reports);
        Assert.Contains("waits on an await the loop cannot see into (not a TrioTest primitive)", report);
        Assert.Contains("Task.Delay or a timer without Trio.TimeProvider", report);
    }
}
