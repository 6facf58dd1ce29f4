namespace TrioTest.Testing.Tests.Time;

/// <summary>Scenarios of several timers: equal deadlines, timers created inside callbacks, zero due times.</summary>
public static partial class TimerScenarios
{
    private static async Task EqualDeadlinesAsync(TimeDriver clock)
    {
        // Created out of alphabetical order, so the log shows creation order and nothing else.
        using ITimer c = clock.CreateTimer("C", Seconds(2), s_never);
        using ITimer a = clock.CreateTimer("A", Seconds(2), s_never);
        using ITimer b = clock.CreateTimer("B", Seconds(2), s_never);
        await clock.AdvanceAsync(Seconds(1));
        using ITimer d = clock.CreateTimer("D", Seconds(1), s_never);

        await clock.AdvanceAsync(Seconds(1));
    }

    private static async Task EqualDeadlinesRescheduledAsync(TimeDriver clock)
    {
        using ITimer a = clock.CreateTimer("A", Seconds(4), s_never);
        using ITimer b = clock.CreateTimer("B", Seconds(4), s_never);
        await clock.AdvanceAsync(Seconds(1));

        a.Change(Seconds(3), s_never);
        await clock.AdvanceAsync(Seconds(3));
    }

    private static async Task EqualDeadlinesRearmedAsync(TimeDriver clock)
    {
        using ITimer periodic = clock.CreateTimer("P", Seconds(1), Seconds(1));
        using ITimer oneShot = clock.CreateTimer("O", Seconds(2), s_never);

        await clock.AdvanceAsync(Seconds(1));
        await clock.AdvanceAsync(Seconds(1));
        periodic.Dispose();
    }

    private static async Task CreatedInCallbackZeroDueAsync(TimeDriver clock)
    {
        var created = new List<ITimer>();
        using ITimer a = clock.Provider.CreateTimer(_ =>
        {
            clock.Record("A");
            created.Add(clock.CreateTimer("B", TimeSpan.Zero, s_never));
        }, null, Seconds(1), s_never);
        using ITimer c = clock.CreateTimer("C", Seconds(1), s_never);

        await clock.AdvanceAsync(Seconds(1));
        await clock.AdvanceAsync(Seconds(5));
        created.ForEach(timer => timer.Dispose());
    }

    private static async Task CreatedInCallbackPositiveDueAsync(TimeDriver clock)
    {
        var created = new List<ITimer>();
        using ITimer a = clock.Provider.CreateTimer(_ =>
        {
            clock.Record("A");
            created.Add(clock.CreateTimer("B", Seconds(2), s_never));
        }, null, Seconds(1), s_never);
        using ITimer c = clock.CreateTimer("C", Seconds(3), s_never);

        await clock.AdvanceAsync(Seconds(1));
        await clock.AdvanceAsync(Seconds(1));
        await clock.AdvanceAsync(Seconds(1));
        await clock.AdvanceAsync(Seconds(5));
        created.ForEach(timer => timer.Dispose());
    }

    private static async Task CreatedInCallbackChainAsync(TimeDriver clock)
    {
        string[] names = ["A", "B", "C"];
        var created = new List<ITimer>();
        TimerCallback Fire(int index) => _ =>
        {
            clock.Record(names[index]);
            if (index + 1 < names.Length)
            {
                created.Add(clock.Provider.CreateTimer(Fire(index + 1), null, Seconds(1), s_never));
            }
        };
        created.Add(clock.Provider.CreateTimer(Fire(0), null, Seconds(1), s_never));

        await clock.AdvanceAsync(Seconds(1));
        await clock.AdvanceAsync(Seconds(1));
        await clock.AdvanceAsync(Seconds(1));
        await clock.AdvanceAsync(Seconds(5));
        created.ForEach(timer => timer.Dispose());
    }

    private static async Task DueZeroAsync(TimeDriver clock)
    {
        using ITimer b = clock.CreateTimer("B", Seconds(10), s_never);
        await clock.AdvanceAsync(Seconds(1));

        using ITimer a = clock.CreateTimer("A", TimeSpan.Zero, s_never);
        b.Change(TimeSpan.Zero, s_never);
        await clock.AdvanceAsync(TimeSpan.Zero);
        await clock.AdvanceAsync(Seconds(20));
    }

    private static async Task DueZeroPeriodicAsync(TimeDriver clock)
    {
        using ITimer a = clock.CreateTimer("A", TimeSpan.Zero, Seconds(2));

        await clock.AdvanceAsync(Seconds(4));
    }
}
