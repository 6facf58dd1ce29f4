using NUnit.Framework;
using TrioTest.NUnit;
using TrioTest.Samples.Shop;
using TrioTest.Testing;

namespace TrioTest.Samples.NUnit;

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
        if (inventory.Stock < 0)
        {
            throw new InvalidOperationException($"oversold: stock is {inventory.Stock}");
        }
    }

    [Test]
    public void Unsafe_reserve_is_found_oversold_and_the_seed_replays_it()
    {
        var explore = new TrioTestOptions { Iterations = 200, BaseSeed = 2026 };

        TrioTestResult found = TrioTestRunner.Run(() => TwoBuyersAsync(i => i.ReserveAsync()), explore);
        TrioTestResult replayed = TrioTestRunner.Run(() => TwoBuyersAsync(i => i.ReserveAsync()), new TrioTestOptions { Seed = found.Seed });

        Assert.That(found.Passed, Is.False);
        Assert.That(found.Report, Does.Contain("oversold"));
        Assert.That(replayed.Trace.Hash, Is.EqualTo(found.Trace.Hash));
    }

    [AsyncTest(Iterations = 200)]
    public Task Safe_reserve_never_oversells() => TwoBuyersAsync(i => i.ReserveSafelyAsync());
}
