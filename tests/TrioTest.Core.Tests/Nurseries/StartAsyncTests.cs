namespace TrioTest.Core.Tests.Nurseries;

public sealed class StartAsyncTests
{
    [Fact]
    public void StartAsync_ReturnsTheStartedValue_AndTheChildKeepsRunningInTheNursery()
    {
        var log = new List<string>();

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            int port = await nursery.StartAsync<int>(async status =>
            {
                await Trio.SleepAsync(TimeSpan.FromSeconds(1));
                status.Started(8080);
                await Trio.SleepAsync(TimeSpan.FromSeconds(1));
                log.Add($"server done at {Trio.CurrentTime.TotalSeconds}");
            }, "server");
            log.Add($"started on {port} at {Trio.CurrentTime.TotalSeconds}");
        }));

        Assert.Equal(["started on 8080 at 1", "server done at 2"], log);
    }

    [Fact]
    public void StartAsync_ErrorBeforeStarted_ReachesTheCallerUnwrapped_AndTheNurseryIsUnaffected()
    {
        var log = new List<string>();

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            nursery.StartSoon(async () =>
            {
                await Trio.SleepAsync(TimeSpan.FromSeconds(5));
                log.Add("sibling finished");
            }, "sibling");
            var error = await Assert.ThrowsAsync<TimeoutException>(() => nursery.StartAsync<int>(async _ =>
            {
                await Trio.CheckpointAsync();
                throw new TimeoutException("bind failed");
            }));
            log.Add(error.Message);
        }));

        Assert.Equal(["bind failed", "sibling finished"], log);
    }

    [Fact]
    public void StartAsync_ChildExitingWithoutStarted_IsAnInvalidOperation()
    {
        string message = "";

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => nursery.StartAsync(_ => Trio.CheckpointAsync().AsTask(), "forgetful"));
            message = error.Message;
        }));

        Assert.Contains("main/forgetful exited without calling Started", message);
    }

    [Fact]
    public void Started_CalledTwice_Throws()
    {
        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            await nursery.StartAsync(status =>
            {
                status.Started();
                Assert.Throws<InvalidOperationException>(() => status.Started());
                return Task.CompletedTask;
            });
        }));
    }

    [Fact]
    public void StartAsync_ChildFailingAfterStarted_FailsTheNursery()
    {
        Assert.Throws<DivideByZeroException>(() => VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            await nursery.StartAsync(async status =>
            {
                status.Started();
                await Trio.SleepAsync(TimeSpan.FromSeconds(1));
                throw new DivideByZeroException();
            });
        })));
    }

    [Fact]
    public void StartAsync_BeforeStarted_TheCallersCancellationApplies_AfterItTheNurserys()
    {
        var log = new List<string>();

        VirtualRun.Run(() => Nursery.RunAsync(async target =>
        {
            bool finished = await Trio.MoveOnAfterAsync(TimeSpan.FromSeconds(1), () => target.StartAsync(async status =>
            {
                try
                {
                    await Trio.SleepAsync(TimeSpan.FromSeconds(10));
                    status.Started();
                }
                catch (Cancelled)
                {
                    log.Add($"child cancelled by the caller's timeout at {Trio.CurrentTime.TotalSeconds}");
                    throw;
                }
            }));
            log.Add($"caller finished={finished}");
        }));

        Assert.Equal(["child cancelled by the caller's timeout at 1", "caller finished=False"], log);
    }

    [Fact]
    public void StartAsync_PendingStart_KeepsTheNurseryOpen()
    {
        TimeSpan end = VirtualRun.Run(async () =>
        {
            await Nursery.RunAsync(target => Nursery.RunAsync(caller =>
            {
                caller.StartSoon(() => target.StartAsync(async status =>
                {
                    await Trio.SleepAsync(TimeSpan.FromSeconds(3));
                    status.Started();
                    await Trio.SleepAsync(TimeSpan.FromSeconds(3));
                }));
                return Task.CompletedTask;
            }));
            return Trio.CurrentTime;
        });

        Assert.Equal(TimeSpan.FromSeconds(6), end);
    }

    [Fact]
    public void StartStatusIgnored_LetsAStartableFunctionBeCalledDirectly()
    {
        int value = VirtualRun.Run(async () =>
        {
            await ServeAsync(StartStatus<int>.Ignored);
            return 1;
        });

        Assert.Equal(1, value);

        static async Task ServeAsync(StartStatus<int> status)
        {
            await Trio.CheckpointAsync();
            status.Started(5);
        }
    }
}
