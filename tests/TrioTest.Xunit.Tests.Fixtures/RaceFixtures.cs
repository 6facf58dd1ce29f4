using Xunit;

namespace TrioTest.Xunit.Tests.Fixtures;

public sealed class RaceFixtures
{
    /// <summary>A lost update that only some schedules show.</summary>
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
        Assert.Equal(20, balance);
    }

    [AsyncTest(Iterations = 500)]
    public Task Racy_explored() => LostUpdateAsync();
}
