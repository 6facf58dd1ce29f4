namespace TrioTest.Core.Tests.Cancellation;

/// <summary>The body forms every timeout helper and nursery start takes: Task, ValueTask, and (timeouts) the scope itself.</summary>
public sealed class TimeoutFormsTests
{
    [Fact]
    public void StartSoon_TakesAValueTaskMethodGroup()
    {
        TimeSpan ended = TimeSpan.MinValue;

        VirtualRun.Run(async () =>
        {
            await Trio.MoveOnAfterAsync(TimeSpan.FromMinutes(1), () => Nursery.RunAsync(nursery =>
            {
                nursery.StartSoon(Trio.SleepForeverAsync);
                return Task.CompletedTask;
            }));
            ended = Trio.CurrentTime;
        });

        Assert.Equal(TimeSpan.FromMinutes(1), ended);
    }

    [Fact]
    public void StartSoon_ValueTaskChild_IsNamedAfterItsFunction()
    {
        string? path = null;

        VirtualRun.Run(() => Nursery.RunAsync(nursery =>
        {
            nursery.StartSoon(WorkAsync);
            return Task.CompletedTask;
        }));

        Assert.Equal($"main/{nameof(WorkAsync)}", path);

        ValueTask WorkAsync()
        {
            path = Trio.CurrentTask.Path;
            return Trio.CheckpointAsync();
        }
    }

    [Fact]
    public void StartAsync_TakesValueTaskFunctions()
    {
        int value = 0;

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            value = await nursery.StartAsync<int>(status =>
            {
                status.Started(7);
                return Trio.CheckpointAsync();
            });
            await nursery.StartAsync(status =>
            {
                status.Started();
                return Trio.CheckpointAsync();
            });
        }));

        Assert.Equal(7, value);
    }

    [Fact]
    public void TimeoutHelpers_TakeValueTaskBodies()
    {
        (bool movedOnAfter, bool movedOnAt, Type? failAfter, Type? failAt) = VirtualRun.Run(async () =>
        {
            bool after = await Trio.MoveOnAfterAsync(TimeSpan.FromSeconds(1), Trio.SleepForeverAsync);
            bool at = await Trio.MoveOnAtAsync(Trio.CurrentTime + TimeSpan.FromSeconds(1), () => Trio.SleepAsync(TimeSpan.FromSeconds(2)));
            Type? afterError = (await Record(() => Trio.FailAfterAsync(TimeSpan.FromSeconds(1), Trio.SleepForeverAsync)))?.GetType();
            Type? atError = (await Record(() => Trio.FailAtAsync(Trio.CurrentTime + TimeSpan.FromSeconds(1), () => Trio.CheckpointAsync())))?.GetType();
            return (after, at, afterError, atError);
        });

        Assert.False(movedOnAfter);
        Assert.False(movedOnAt);
        Assert.Equal(typeof(TooSlowException), failAfter);
        Assert.Null(failAt);
    }

    [Fact]
    public void MoveOnAfter_BodyReceivesItsScope_AndCanPushTheDeadline()
    {
        (bool finished, TimeSpan ended, bool sameScope) = VirtualRun.Run(async () =>
        {
            CancelScope? seen = null;
            bool inside = false;
            bool done = await Trio.MoveOnAfterAsync(TimeSpan.FromSeconds(1), async scope =>
            {
                seen = scope;
                inside = Trio.CurrentCancelScope == scope;
                scope.Deadline += TimeSpan.FromSeconds(9);
                await Trio.SleepAsync(TimeSpan.FromSeconds(5));
            });
            return (done, Trio.CurrentTime, inside && seen is not null);
        });

        Assert.True(finished);
        Assert.Equal(TimeSpan.FromSeconds(5), ended);
        Assert.True(sameScope);
    }

    [Fact]
    public void FailAfter_BodyReceivesItsScope_AndItsDeadline()
    {
        TimeSpan deadline = TimeSpan.Zero;

        var error = Assert.Throws<TooSlowException>(() => VirtualRun.Run(() => Trio.FailAfterAsync(TimeSpan.FromSeconds(3), async scope =>
        {
            deadline = scope.Deadline;
            await Trio.SleepForeverAsync();
        })));

        Assert.Equal(TimeSpan.FromSeconds(3), deadline);
        Assert.Equal(TimeSpan.FromSeconds(3), error.Deadline);
    }

    [Fact]
    public void MoveOnAt_AndFailAt_BodiesReceiveTheirScopes()
    {
        (bool cancelledEarly, Type? failAt) = VirtualRun.Run(async () =>
        {
            bool done = await Trio.MoveOnAtAsync(TimeSpan.FromHours(1), async scope =>
            {
                scope.Cancel("enough");
                await Trio.CheckpointAsync();
            });
            Exception? error = await Record(() => Trio.FailAtAsync(TimeSpan.FromHours(1), scope =>
            {
                scope.Cancel("too slow on purpose");
                return Trio.CheckpointAsync().AsTask();
            }));
            return (!done, error?.GetType());
        });

        Assert.True(cancelledEarly);
        Assert.Equal(typeof(TooSlowException), failAt);
    }

    [Fact]
    public void TimeoutHelpers_NullBodies_ThrowArgumentNullExceptionNamingTheBody()
    {
        var errors = VirtualRun.Run(async () => new[]
        {
            await Record(() => Trio.MoveOnAfterAsync(TimeSpan.FromSeconds(1), (Func<ValueTask>)null!)),
            await Record(() => Trio.MoveOnAfterAsync(TimeSpan.FromSeconds(1), (Func<CancelScope, Task>)null!)),
            await Record(() => Trio.FailAtAsync(TimeSpan.FromSeconds(1), (Func<Task>)null!)),
        });

        Assert.All(errors, error => Assert.Equal("body", Assert.IsType<ArgumentNullException>(error).ParamName));
    }

    private static async Task<Exception?> Record(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
