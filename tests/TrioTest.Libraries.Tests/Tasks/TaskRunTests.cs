namespace TrioTest.Libraries.Tests.Tasks;

/// <summary><c>Task.Run</c> in code under test leaves the loop; the report names the caller on every run.</summary>
public sealed class TaskRunTests
{
    private sealed class Counter
    {
        public int Value { get; set; }

        public async Task IncrementAsync()
        {
            int read = Value;
            await Task.Yield();
            Value = read + 1;
        }
    }

    [Fact]
    public void TwoTaskRunBodies_LeaveTheLoop_WithOneReportPerSeedNamingTheCaller()
    {
        (_, EscapeException failure) = LeavingTheLoop.ReportOf(async () =>
        {
            var counter = new Counter();
            await Task.WhenAll(Task.Run(counter.IncrementAsync), Task.Run(counter.IncrementAsync));
        });

        Assert.StartsWith("Task.Run, Task.Factory.StartNew or ThreadPool.QueueUserWorkItem, called from a lambda in TrioTest.Libraries.Tests.Tasks.TaskRunTests", failure.Escape.Diagnosis);
    }

    [Fact]
    public void CancelAsync_LeavesTheLoop_WithOneReportPerSeed()
    {
        (_, EscapeException failure) = LeavingTheLoop.ReportOf(async () =>
        {
            using var source = new CancellationTokenSource();
            Task delay = Task.Delay(TimeSpan.FromHours(1), Trio.TimeProvider, source.Token);
            await Trio.SleepAsync(TimeSpan.FromSeconds(1));
            await source.CancelAsync();
            await Assert.ThrowsAsync<TaskCanceledException>(() => delay);
        });

        Assert.StartsWith("CancellationTokenSource.CancelAsync, called from a lambda in TrioTest.Libraries.Tests.Tasks.TaskRunTests", failure.Escape.Diagnosis);
    }
}
