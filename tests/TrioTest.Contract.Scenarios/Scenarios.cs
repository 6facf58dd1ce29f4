namespace TrioTest.Contract;

/// <summary>The bodies every framework's contract fixtures run; see <c>ContractCase</c> in TrioTest.Contract.Tests for what each must do.</summary>
public static class Scenarios
{
    /// <summary>The message of <see cref="FailsAsync"/>'s exception.</summary>
    public const string FailureMessage = "the contract's deliberate failure";

    /// <summary>A seed under which <see cref="LostUpdateAsync"/> loses an update: the first the contract's exploration finds (its base seed 0x5EED mixed with the name of <c>ContractFixtures.Race</c>).</summary>
    public const string LosingSeed = "0x7F8F1667BAE08EB1";

    /// <summary>Two tasks that take an hour of virtual time between them, and pass.</summary>
    public static async Task PassesAsync()
    {
        int done = 0;
        await Nursery.RunAsync(nursery =>
        {
            nursery.StartSoon(async () =>
            {
                await Trio.SleepAsync(TimeSpan.FromMinutes(30));
                done++;
            }, "half");
            nursery.StartSoon(async () =>
            {
                await Trio.SleepAsync(TimeSpan.FromHours(1));
                done++;
            }, "whole");
            return Task.CompletedTask;
        });
        Expect(done == 2 && Trio.CurrentTime == TimeSpan.FromHours(1), $"both sleepers end at virtual 01:00:00, not with {done} done at {Trio.CurrentTime}");
    }

    /// <summary>Fails in every schedule, after a checkpoint, so the report has a trace to show.</summary>
    public static async Task FailsAsync()
    {
        await Trio.CheckpointAsync("before the failure");
        throw new InvalidOperationException(FailureMessage);
    }

    /// <summary>A lost update that only some schedules show: the race an exploration finds and a seed replays.</summary>
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
        Expect(balance == 20, $"an update was lost: the balance is {balance}, not 20");
    }

    /// <summary>Waits forever under a one-hour <see cref="Trio.FailAfterAsync(TimeSpan, Func{Task}, bool)"/>: fails at virtual 01:00:00.000, in microseconds of real time.</summary>
    public static Task FailsAfterOneHourAsync() =>
        Trio.FailAfterAsync(TimeSpan.FromHours(1), () => Trio.SleepForeverAsync());

    /// <summary>A data row's body: passes for every value but 3.</summary>
    /// <param name="value">The row's value.</param>
    public static async Task RowAsync(int value)
    {
        await Trio.CheckpointAsync($"row {value}");
        Expect(value != 3, "row 3 fails on purpose");
    }

    /// <summary>Throws the contract's own assertion failure, so every framework reports the same exception type.</summary>
    private static void Expect(bool condition, string message)
    {
        if (!condition)
        {
            throw new ContractViolationException(message);
        }
    }
}
