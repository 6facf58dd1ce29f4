using TrioTest.TUnit;

namespace TrioTest.TUnit.Tests.Fixtures;

public sealed class RaceFixtures
{
    /// <summary>A seed under which <see cref="LostUpdateAsync"/> loses an update: pasted from a report, as a user would.</summary>
    public const string FailingSeed = "0xD4692252F1207A0B";

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
        if (balance != 20)
        {
            throw new InvalidOperationException($"balance {balance}, not 20: an update was lost");
        }
    }

    [Test, AsyncTest(Iterations = 500)]
    public Task Racy_explored() => LostUpdateAsync();

    [Test, AsyncTest(Seed = FailingSeed)]
    public Task Racy_replayed_from_the_pasted_seed() => LostUpdateAsync();
}
