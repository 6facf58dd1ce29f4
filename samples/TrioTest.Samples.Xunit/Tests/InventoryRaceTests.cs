using TrioTest.Samples.Shop;
using TrioTest.Testing;
using TrioTest.Xunit;
using Xunit;

namespace TrioTest.Samples.Xunit.Tests;

/// <summary>
/// A race found by exploration. The unsafe version is kept as a test that stays green by asserting that TrioTest finds
/// the race and that its seed replays it; the safe version is explored as a normal [AsyncTest].
/// </summary>
public sealed class InventoryRaceTests
{
    private static async Task TwoBuyersAsync(Func<Inventory, Task<bool>> reserve)
    {
        var inventory = new Inventory(stock: 1, takePayment: () => Trio.CheckpointAsync("payment").AsTask());
        await Nursery.RunAsync(nursery =>
        {
            nursery.StartSoon(() => reserve(inventory), "alice");
            nursery.StartSoon(async () =>
            {
                await Trio.CheckpointAsync("browse");
                await reserve(inventory);
            }, "bob");
            return Task.CompletedTask;
        });
        Assert.True(inventory.Stock >= 0, $"oversold: stock is {inventory.Stock}");
    }

    [Fact]
    public void Unsafe_reserve_is_found_oversold_and_the_seed_replays_it()
    {
        var explore = new TrioTestOptions { Iterations = 200, BaseSeed = 2026 };

        TrioTestResult found = TrioTestRunner.Run(() => TwoBuyersAsync(i => i.ReserveAsync()), explore);
        TrioTestResult replayed = TrioTestRunner.Run(() => TwoBuyersAsync(i => i.ReserveAsync()), new TrioTestOptions { Seed = found.Seed });

        Assert.False(found.Passed);
        Assert.Contains("oversold", found.Report);
        Assert.Equal(found.Trace.Hash, replayed.Trace.Hash);
    }

    [AsyncTest(Iterations = 200)]
    public Task Safe_reserve_never_oversells() => TwoBuyersAsync(i => i.ReserveSafelyAsync());
}
