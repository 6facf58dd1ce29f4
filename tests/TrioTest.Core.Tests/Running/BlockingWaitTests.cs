namespace TrioTest.Core.Tests.Running;

/// <summary>A step that blocks the loop waiting for a task is stopped at the call in a strict run, and only noted otherwise.</summary>
public sealed class BlockingWaitTests
{
    private static RunOptions Strict() => new() { Clock = VirtualClock.CreateAutojumping(), EscapePolicy = EscapePolicy.Fail };

    [Fact]
    public void WaitForATaskThatNeedsTheLoop_StrictRun_FailsAtTheCallNamingItAndTheFix()
    {
        var error = Assert.Throws<BlockingWaitException>(() => Trio.Run(() =>
        {
            Trio.SleepAsync(TimeSpan.FromSeconds(1)).AsTask().Wait();
            return Task.CompletedTask;
        }, Strict()));

        Assert.Equal("main", error.TaskPath);
        Assert.StartsWith("BlockingWaitTests.cs:", error.CallSite);
        Assert.Contains("a blocking wait for a task (.Wait(), .Result or .GetAwaiter().GetResult())", error.Message);
        Assert.EndsWith("Instead: await the task.", error.Message);
    }

    [Fact]
    public void WaitCaughtByTheCode_StillFailsTheRun()
    {
        bool caught = false;

        var error = Assert.Throws<BlockingWaitException>(() => Trio.Run(() =>
        {
            try
            {
                _ = Trio.SleepAsync(TimeSpan.FromSeconds(1)).AsTask().ContinueWith(static _ => 1, TaskScheduler.Default).Result;
            }
            catch (BlockingWaitException)
            {
                caught = true;
            }

            return Task.CompletedTask;
        }, Strict()));

        Assert.True(caught);
        Assert.Equal("main", error.TaskPath);
    }

    [Fact]
    public void WaitForATaskOfAnotherThread_RunThatRecordsEscapes_BlocksAsBefore()
    {
        var options = new RunOptions { Clock = VirtualClock.CreateAutojumping(), EscapePolicy = EscapePolicy.Record, WatchDepartures = false };
        int value = 0;

        Trio.Run(() =>
        {
            using var done = new ManualResetEventSlim();
            var thread = new Thread(() => done.Set());
            thread.Start();
            done.Wait();
            value = 42;
            return Task.CompletedTask;
        }, options);

        Assert.Equal(42, value);
    }
}
