namespace TrioTest.Testing.Tests.Corpus;

/// <summary>A classic concurrency bug written against Core: a body that fails under some schedules only.</summary>
/// <param name="Name">A short name.</param>
/// <param name="Body">The test body.</param>
/// <param name="Failure">The exception type the bug shows up as.</param>
/// <param name="Constraints">How many ordering constraints the failing schedule needs.</param>
public sealed record Bug(string Name, Func<Task> Body, Type Failure, int Constraints)
{
    public override string ToString() => Name;
}

/// <summary>
/// The corpus the harness must find: each bug is schedule-dependent (some schedules pass) and deterministic per seed.
/// Shared by the corpus tests and the schedules-to-first-failure benchmark.
/// </summary>
public static class BugCorpus
{
    public static IReadOnlyList<Bug> All { get; } =
    [
        new("lost update across an await", LostUpdateAsync, typeof(InvalidOperationException), 1),
        new("check-then-act", CheckThenActAsync, typeof(InvalidOperationException), 1),
        new("order violation", OrderViolationAsync, typeof(InvalidOperationException), 1),
        new("lock-order deadlock", LockOrderDeadlockAsync, typeof(DeadlockException), 1),
        new("bounded-buffer missed wake-up", MissedWakeupAsync, typeof(DeadlockException), 1),
        new("cancellation between debit and credit", CancellationRaceAsync, typeof(InvalidOperationException), 1),
        new("three-way ordering", ThreeWayOrderingAsync, typeof(InvalidOperationException), 3),
        new("invariant broken across a long transaction", () => TransactionAuditAsync(auditorIdleSteps: 110), typeof(InvalidOperationException), 2),
    ];

    /// <summary>
    /// Bugs that batch shuffling cannot reach: Trio's batches keep tasks in lockstep, so a task can never run far ahead
    /// of another. PCT's priorities can. Not part of <see cref="All"/>, which both strategies must find.
    /// </summary>
    public static IReadOnlyList<Bug> BeyondBatchShuffling { get; } =
    [
        new("auditor inside a long transaction", () => TransactionAuditAsync(auditorIdleSteps: 3), typeof(InvalidOperationException), 2),
    ];

    public static Bug Get(string name) => All.Concat(BeyondBatchShuffling).Single(bug => bug.Name == name);

    /// <summary>Two deposits read the balance, yield, and write back: one update is lost when their reads interleave.</summary>
    private static async Task LostUpdateAsync()
    {
        int balance = 0;
        async Task DepositAsync()
        {
            int read = balance;
            await Trio.CheckpointAsync("read");
            balance = read + 10;
        }

        await Nursery.RunAsync(nursery =>
        {
            nursery.StartSoon(DepositAsync, "a");
            nursery.StartSoon(async () =>
            {
                await Trio.CheckpointAsync("log");
                await DepositAsync();
            }, "b");
            return Task.CompletedTask;
        });

        if (balance != 20)
        {
            throw new InvalidOperationException($"Lost update: the balance is {balance} after two deposits of 10.");
        }
    }

    /// <summary>Two buyers check the stock, yield to pay, then take the item: both can see the last one.</summary>
    private static async Task CheckThenActAsync()
    {
        int stock = 1;
        async Task BuyAsync(int browsing)
        {
            for (int i = 0; i < browsing; i++)
            {
                await Trio.CheckpointAsync("browse");
            }

            if (stock > 0)
            {
                await Trio.CheckpointAsync("pay");
                stock--;
            }
        }

        await Nursery.RunAsync(nursery =>
        {
            nursery.StartSoon(() => BuyAsync(1), "a");
            nursery.StartSoon(() => BuyAsync(2), "b");
            return Task.CompletedTask;
        });

        if (stock < 0)
        {
            throw new InvalidOperationException($"Oversold: the stock is {stock}.");
        }
    }

    /// <summary>A sender uses the connection a connector sets up, assuming it runs after it.</summary>
    private static async Task OrderViolationAsync()
    {
        string? connection = null;
        await Nursery.RunAsync(nursery =>
        {
            nursery.StartSoon(async () =>
            {
                await Trio.CheckpointAsync("connecting");
                connection = "open";
            }, "connector");
            nursery.StartSoon(async () =>
            {
                await Trio.CheckpointAsync("ready");
                if (connection is null)
                {
                    throw new InvalidOperationException("The sender ran before the connection was set up.");
                }
            }, "sender");
            return Task.CompletedTask;
        });
    }

    /// <summary>Two tasks take two locks in opposite orders.</summary>
    private static async Task LockOrderDeadlockAsync()
    {
        var accounts = new AsyncLock("accounts");
        var audit = new AsyncLock("audit");
        await Nursery.RunAsync(nursery =>
        {
            nursery.StartSoon(async () =>
            {
                using (await accounts.LockAsync())
                using (await audit.LockAsync())
                {
                    await Trio.CheckpointAsync("transfer");
                }
            }, "transfer");
            nursery.StartSoon(async () =>
            {
                // Taking a free lock is one step (take it, then a schedule point, as in Trio): one checkpoint puts the
                // auditor's first lock in the same batch as the transfer's second.
                await Trio.CheckpointAsync("start");
                using (await audit.LockAsync())
                using (await accounts.LockAsync())
                {
                    await Trio.CheckpointAsync("audit");
                }
            }, "auditor");
            return Task.CompletedTask;
        });
    }

    /// <summary>A consumer sees the buffer empty, then waits on a fresh event: a put in between is missed for good.</summary>
    private static async Task MissedWakeupAsync()
    {
        var buffer = new Queue<int>();
        var notEmpty = new Event("not empty");
        await Nursery.RunAsync(nursery =>
        {
            nursery.StartSoon(async () =>
            {
                if (buffer.Count == 0)
                {
                    await Trio.CheckpointAsync("saw empty");
                    notEmpty = new Event("not empty");
                    await notEmpty.WaitAsync();
                }

                buffer.Dequeue();
            }, "consumer");
            nursery.StartSoon(async () =>
            {
                await Trio.CheckpointAsync("produce");
                buffer.Enqueue(1);
                notEmpty.Set();
            }, "producer");
            return Task.CompletedTask;
        });
    }

    /// <summary>A user's cancel lands between a transfer's debit and its credit, which are not shielded together.</summary>
    private static async Task CancellationRaceAsync()
    {
        bool debited = false;
        bool credited = false;
        var transfer = new CancelScope();
        await Nursery.RunAsync(nursery =>
        {
            nursery.StartSoon(() => transfer.RunAsync(async () =>
            {
                await Trio.CheckpointAsync("begin");
                debited = true;
                await Trio.CheckpointAsync("debit");
                credited = true;
            }), "transfer");
            nursery.StartSoon(async () =>
            {
                await Trio.CheckpointAsync("open dialog");
                await Trio.CheckpointAsync("click");
                transfer.Cancel("the user pressed cancel");
            }, "user");
            return Task.CompletedTask;
        });

        if (debited != credited)
        {
            throw new InvalidOperationException("The transfer was cancelled between debit and credit: the money is gone.");
        }
    }

    /// <summary>Fails only when a publishes before b relays, b relays before c acts, and a checks before c cleans up.</summary>
    private static async Task ThreeWayOrderingAsync()
    {
        bool published = false;
        bool relayed = false;
        bool acted = false;
        await Nursery.RunAsync(nursery =>
        {
            nursery.StartSoon(async () =>
            {
                await Trio.CheckpointAsync("start");
                acted = relayed;
                for (int i = 0; i < 3; i++)
                {
                    await Trio.CheckpointAsync("act");
                }

                acted = false;
            }, "c");
            nursery.StartSoon(async () =>
            {
                await Trio.CheckpointAsync("start");
                relayed = published;
                await Trio.CheckpointAsync("relayed");
            }, "b");
            nursery.StartSoon(async () =>
            {
                await Trio.CheckpointAsync("start");
                published = true;
                for (int i = 0; i < 3; i++)
                {
                    await Trio.CheckpointAsync("deliver");
                }

                if (acted)
                {
                    throw new InvalidOperationException("The publisher saw the action of its own message before cleanup: a three-way race.");
                }
            }, "a");
            return Task.CompletedTask;
        });
    }

    /// <summary>A transaction keeps an invariant broken across a hundred steps; an auditor that checks inside that window sees it.</summary>
    /// <remarks>
    /// After 110 idle steps the auditor checks in the batch where the transaction credits, so batch shuffling finds it.
    /// After 3 it checks while the transaction is still preparing, and sees the broken invariant only if the transaction
    /// runs ten steps ahead of it, which lockstep batches never allow and PCT's priorities do.
    /// </remarks>
    private static async Task TransactionAuditAsync(int auditorIdleSteps)
    {
        int checking = 100;
        int savings = 0;
        await Nursery.RunAsync(nursery =>
        {
            nursery.StartSoon(async () =>
            {
                for (int i = 0; i < 10; i++)
                {
                    await Trio.CheckpointAsync("prepare");
                }

                checking -= 100;
                for (int i = 0; i < 100; i++)
                {
                    await Trio.CheckpointAsync("journal");
                }

                savings += 100;
            }, "transaction");
            nursery.StartSoon(async () =>
            {
                for (int i = 0; i < auditorIdleSteps; i++)
                {
                    await Trio.CheckpointAsync("idle");
                }

                if (checking + savings != 100)
                {
                    throw new InvalidOperationException($"The auditor saw {checking + savings} in total, not 100: the transfer is not atomic.");
                }
            }, "auditor");
            return Task.CompletedTask;
        });
    }
}
