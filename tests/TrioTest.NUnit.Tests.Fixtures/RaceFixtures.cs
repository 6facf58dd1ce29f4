namespace TrioTest.NUnit.Tests.Fixtures;

public sealed class RaceFixtures
{
    /// <summary>A lost update that only some schedules show: two tasks read a balance, checkpoint and write it back.</summary>
    public static async Task LostUpdateAsync()
    {
        int balance = 0;
        await Nursery.RunAsync(nursery =>
        {
            nursery.StartSoon(async () =>
            {
                int read = balance;
                await Trio.CheckpointAsync("read");
                balance = read + 10;
            }, "a");
            nursery.StartSoon(async () =>
            {
                await Trio.CheckpointAsync("log");
                int read = balance;
                await Trio.CheckpointAsync("read");
                balance = read + 10;
            }, "b");
            return Task.CompletedTask;
        });
        Assert.That(balance, Is.EqualTo(20));
    }

    [AsyncTest(Iterations = 500)]
    public Task Racy_explored() => LostUpdateAsync();
}
