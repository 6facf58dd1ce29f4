namespace TrioTest.Samples.Shop;

/// <summary>
/// Production code with a classic race: <see cref="ReserveAsync"/> checks the stock, awaits a payment, then takes the
/// item. Two buyers can both see the last item. <see cref="ReserveSafelyAsync"/> holds a lock across the whole step.
/// </summary>
public sealed class Inventory(int stock, Func<Task> takePayment)
{
    private readonly AsyncLock _lock = new("inventory");

    public int Stock { get; private set; } = stock;

    public async Task<bool> ReserveAsync()
    {
        if (Stock == 0)
        {
            return false;
        }

        await takePayment();
        Stock--;
        return true;
    }

    public async Task<bool> ReserveSafelyAsync()
    {
        using (await _lock.LockAsync())
        {
            return await ReserveAsync();
        }
    }
}
