namespace TrioTest.Core.Tests.Running;

public sealed class CheckpointTests
{
    [Theory]
    [InlineData("checkpoint", 1, 1)]
    [InlineData("if-cancelled", 0, 1)]
    [InlineData("shielded", 1, 0)]
    [InlineData("sleep 0", 1, 1)]
    [InlineData("sleep", 1, 1)]
    [InlineData("sleep until past", 1, 1)]
    [InlineData("wait all tasks blocked", 1, 1)]
    [InlineData("nursery exit", 1, 0)]
    [InlineData("to thread", 1, 1)]
    [InlineData("move on after", 1, 1)]
    public void EveryPrimitive_CountsItsSchedulePointsAndCancelPoints(string primitive, long schedulePoints, long cancelPoints)
    {
        (long schedule, long cancel) = VirtualRun.Run(async () =>
        {
            TrioTask me = Trio.CurrentTask;
            (long s0, long c0) = (me.SchedulePoints, me.CancelPoints);
            await Do(primitive);
            return (me.SchedulePoints - s0, me.CancelPoints - c0);
        });

        Assert.Equal((schedulePoints, cancelPoints), (schedule, cancel));
    }

    [Fact]
    public void Checkpoint_YieldsToOtherReadyTasks()
    {
        var log = new List<string>();

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            nursery.StartSoon(() =>
            {
                log.Add("child ran");
                return Task.CompletedTask;
            });
            log.Add("before checkpoint");
            await Trio.CheckpointAsync();
            log.Add("after checkpoint");
        }));

        Assert.Equal(["before checkpoint", "child ran", "after checkpoint"], log);
    }

    [Fact]
    public void CancelShieldedCheckpoint_NeverThrows_EvenInACancelledScope()
    {
        var scope = new CancelScope();
        bool reached = false;

        VirtualRun.Run(() => scope.RunAsync(async () =>
        {
            scope.Cancel();
            await Trio.CancelShieldedCheckpointAsync();
            reached = true;
        }));

        Assert.True(reached);
        Assert.False(scope.CancelledCaught);
    }

    [Fact]
    public void CheckpointIfCancelled_ThrowsInACancelledScope()
    {
        var scope = new CancelScope();

        VirtualRun.Run(() => scope.RunAsync(async () =>
        {
            scope.Cancel();
            await Trio.CheckpointIfCancelledAsync();
        }));

        Assert.True(scope.CancelledCaught);
    }

    [Fact]
    public void LastCheckpoint_RecordsTheLabelAndTheCallersLine()
    {
        CheckpointLocation? location = VirtualRun.Run(async () =>
        {
            await Trio.CheckpointAsync("debit");
            return Trio.CurrentTask.LastCheckpoint;
        });

        Assert.Equal("debit", location!.Value.Label);
        Assert.EndsWith("CheckpointTests.cs", location.Value.FilePath);
        Assert.StartsWith("\"debit\" at CheckpointTests.cs:", location.Value.ToString());
    }

    [Fact]
    public void AwaitingACheckpointTwice_ThrowsAClearError()
    {
        VirtualRun.Run(async () =>
        {
            ValueTask checkpoint = Trio.CheckpointAsync();
            await checkpoint;
            var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await checkpoint);
            Assert.Contains("awaited twice", error.Message);
        });
    }

    private static Task Do(string primitive) => primitive switch
    {
        "checkpoint" => Trio.CheckpointAsync().AsTask(),
        "if-cancelled" => Trio.CheckpointIfCancelledAsync().AsTask(),
        "shielded" => Trio.CancelShieldedCheckpointAsync().AsTask(),
        "sleep 0" => Trio.SleepAsync(TimeSpan.Zero).AsTask(),
        "sleep" => Trio.SleepAsync(TimeSpan.FromSeconds(1)).AsTask(),
        "sleep until past" => Trio.SleepUntilAsync(TimeSpan.Zero).AsTask(),
        "wait all tasks blocked" => Trio.WaitAllTasksBlockedAsync().AsTask(),
        "nursery exit" => Nursery.RunAsync(_ => Task.CompletedTask),
        "to thread" => Trio.ToThreadAsync(() => 1),
        "move on after" => Trio.MoveOnAfterAsync(TimeSpan.FromSeconds(1), () => Trio.CheckpointAsync().AsTask()),
        _ => throw new ArgumentOutOfRangeException(nameof(primitive)),
    };
}
