namespace TrioTest.Core.Tests.Running;

public sealed class DeterminismTests
{
    [Fact]
    public void SameSeed_GivesOneStepOrder_DifferentSeedsGiveSeveral()
    {
        var sameSeed = Enumerable.Range(0, 10).Select(_ => StepOrder(seed: 42)).Distinct().Count();
        var tenSeeds = Enumerable.Range(0, 10).Select(seed => StepOrder((ulong)seed)).Distinct().Count();

        Assert.Equal(1, sameSeed);
        Assert.True(tenSeeds > 1, $"10 seeds gave {tenSeeds} distinct orders");
    }

    [Fact]
    public void Fifo_RunsTasksInTheOrderTheyBecameReady()
    {
        string order = StepOrder(seed: 0, ScheduleStrategy.Fifo, tasks: 3, checkpoints: 2);

        Assert.Equal("0 1 2 0 1 2", order);
    }

    [Fact]
    public void ThreeChildren_InterleaveAtEveryAwait()
    {
        var log = new List<string>();

        VirtualRun.Run(() => Nursery.RunAsync(nursery =>
        {
            foreach (string name in new[] { "a", "b", "c" })
            {
                nursery.StartSoon(async () =>
                {
                    for (int i = 0; i < 3; i++)
                    {
                        log.Add($"{name}{i}");
                        await Trio.SleepAsync(TimeSpan.FromSeconds(1));
                    }
                }, name);
            }

            return Task.CompletedTask;
        }), seed: 7, strategy: new RandomStrategy());

        for (int round = 0; round < 3; round++)
        {
            Assert.Equal(["a", "b", "c"], log.Skip(round * 3).Take(3).Select(entry => entry[..1]).Order());
            Assert.All(log.Skip(round * 3).Take(3), entry => Assert.EndsWith(round.ToString(), entry));
        }
    }

    [Fact]
    public void CpuBoundChildrenWithoutCheckpoints_RunOneAfterTheOther()
    {
        var log = new List<string>();

        VirtualRun.Run(() => Nursery.RunAsync(nursery =>
        {
            foreach (string name in new[] { "first", "second" })
            {
                nursery.StartSoon(() =>
                {
                    log.Add($"{name} starts");
                    long sum = 0;
                    for (int i = 0; i < 1_000_000; i++)
                    {
                        sum += i;
                    }

                    log.Add($"{name} ends with {sum}");
                    return Task.CompletedTask;
                }, name);
            }

            return Task.CompletedTask;
        }));

        Assert.Equal(["first starts", "first ends with 499999500000", "second starts", "second ends with 499999500000"], log);
    }

    [Fact]
    public void StepOrder_DependsOnTheStrategyNotOnTheRunBefore()
    {
        string alone = StepOrder(seed: 99);
        _ = StepOrder(seed: 1);
        _ = StepOrder(seed: 2);

        Assert.Equal(alone, StepOrder(seed: 99));
    }

    /// <summary>Runs tasks x checkpoints under a random strategy and returns the order of task indices at each step.</summary>
    private static string StepOrder(ulong seed, ScheduleStrategy? strategy = null, int tasks = 5, int checkpoints = 50)
    {
        var order = new List<int>();
        VirtualRun.Run(() => Nursery.RunAsync(nursery =>
        {
            for (int t = 0; t < tasks; t++)
            {
                int index = t;
                nursery.StartSoon(async () =>
                {
                    for (int c = 0; c < checkpoints; c++)
                    {
                        await Trio.CheckpointAsync();
                        order.Add(index);
                    }
                }, $"t{index}");
            }

            return Task.CompletedTask;
        }), seed, strategy ?? new RandomStrategy());
        return string.Join(' ', order);
    }
}
