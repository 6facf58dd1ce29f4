namespace TrioTest.Core.Tests.Synchronization;

public sealed class ParkingLotTests
{
    [Fact]
    public void Unpark_WakesInParkingOrder()
    {
        var woken = new List<string>();
        var lot = new ParkingLot("gate");

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            foreach (string name in new[] { "a", "b", "c" })
            {
                nursery.StartSoon(async () =>
                {
                    await lot.ParkAsync();
                    woken.Add(name);
                }, name);
                await Trio.WaitAllTasksBlockedAsync();
            }

            Assert.Equal(2, lot.Unpark(2));
            await Trio.WaitAllTasksBlockedAsync();
            Assert.Equal(1, lot.UnparkAll());
        }), seed: 3, strategy: new RandomStrategy());

        Assert.Equal(["a", "b", "c"], woken);
    }

    [Fact]
    public void CancelledWhileParked_LeavesTheLotCleanly()
    {
        var lot = new ParkingLot();
        int countAfterCancel = -1;

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            nursery.StartSoon(() => Trio.MoveOnAfterAsync(TimeSpan.FromSeconds(1), () => lot.ParkAsync().AsTask()));
            await Trio.SleepAsync(TimeSpan.FromSeconds(2));
            countAfterCancel = lot.Count;
            Assert.Equal(0, lot.Unpark());
        }));

        Assert.Equal(0, countAfterCancel);
    }

    [Fact]
    public void Repark_MovesWaitersToTheOtherLotInOrder()
    {
        var first = new ParkingLot("first");
        var second = new ParkingLot("second");
        var woken = new List<string>();

        VirtualRun.Run(() => Nursery.RunAsync(async nursery =>
        {
            foreach (string name in new[] { "a", "b" })
            {
                nursery.StartSoon(async () =>
                {
                    await first.ParkAsync();
                    woken.Add(name);
                }, name);
            }

            await Trio.WaitAllTasksBlockedAsync();
            Assert.Equal(2, first.Repark(second, 5));
            Assert.Equal((0, 2), (first.Count, second.GetStatistics().TasksWaiting));
            second.UnparkAll();
        }));

        Assert.Equal(["a", "b"], woken);
    }

    [Fact]
    public void NegativeCount_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParkingLot().Unpark(-1));
    }
}
