namespace TrioTest.Core.Tests.Running;

public sealed class ToThreadTests
{
    [Fact]
    public void ToThread_RunsOnAnotherThreadAndReturnsItsResult()
    {
        int loop = Environment.CurrentManagedThreadId;

        (int worker, int result) = VirtualRun.Run(() => Trio.ToThreadAsync(() => (Environment.CurrentManagedThreadId, 6 * 7)));

        Assert.NotEqual(loop, worker);
        Assert.Equal(42, result);
    }

    [Fact]
    public void ToThread_ExceptionIsRethrownAsItself()
    {
        var error = Assert.Throws<FormatException>(() => VirtualRun.Run(() => Trio.ToThreadAsync(() => int.Parse("x", System.Globalization.CultureInfo.InvariantCulture))));

        Assert.Contains("Int32.Parse", error.StackTrace);
    }

    [Fact]
    public void ToThread_IsExternalWork_TheClockDoesNotAutojumpWhileItRuns()
    {
        var log = new List<string>();

        VirtualRun.Run(() => Nursery.RunAsync(nursery =>
        {
            nursery.StartSoon(async () =>
            {
                await Trio.SleepAsync(TimeSpan.FromHours(1));
                log.Add("sleeper woke");
            }, "sleeper");
            nursery.StartSoon(async () =>
            {
                await Trio.ToThreadAsync(() => Thread.Sleep(50));
                log.Add($"thread done at {Trio.CurrentTime.TotalSeconds}");
            }, "worker");
            return Task.CompletedTask;
        }));

        Assert.Equal(["thread done at 0", "sleeper woke"], log);
    }

    [Fact]
    public void ToThread_WorkGetsTheScopesToken_AndCanStopEarlyWhenItIsCancelled()
    {
        bool workSawCancellation = false;
        var scope = new CancelScope();

        VirtualRun.Run(() => Nursery.RunAsync(nursery =>
        {
            nursery.StartSoon(() => scope.RunAsync(() => Trio.ToThreadAsync(token =>
            {
                token.WaitHandle.WaitOne();
                workSawCancellation = token.IsCancellationRequested;
            })), "worker");
            nursery.StartSoon(async () =>
            {
                await Trio.CheckpointAsync();
                scope.Cancel("stop the worker");
            }, "canceller");
            return Task.CompletedTask;
        }));

        Assert.True(workSawCancellation);
    }

    [Fact]
    public void ToThread_NullWork_Throws()
    {
        VirtualRun.Run(() => Assert.ThrowsAsync<ArgumentNullException>(() => Trio.ToThreadAsync((Func<int>)null!)));
    }
}
