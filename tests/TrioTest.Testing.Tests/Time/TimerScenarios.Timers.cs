namespace TrioTest.Testing.Tests.Time;

/// <summary>Scenarios of one timer's life: one-shot, periodic, <see cref="ITimer.Change"/>, <see cref="IDisposable.Dispose"/>.</summary>
public static partial class TimerScenarios
{
    private static async Task OneShotAsync(TimeDriver clock)
    {
        using ITimer a = clock.CreateTimer("A", Seconds(3), s_never);
        using ITimer b = clock.CreateTimer("B", Seconds(2), TimeSpan.Zero);

        await clock.AdvanceAsync(Seconds(2));
        await clock.AdvanceAsync(Seconds(1));
        await clock.AdvanceAsync(Seconds(10));
    }

    private static async Task PeriodicAsync(TimeDriver clock)
    {
        using ITimer a = clock.CreateTimer("A", Seconds(1), Seconds(2));

        await clock.AdvanceAsync(Seconds(1));
        await clock.AdvanceAsync(Seconds(1));
        await clock.AdvanceAsync(Seconds(1));
        await clock.AdvanceAsync(Seconds(2));
    }

    private static async Task PeriodicCatchUpAsync(TimeDriver clock)
    {
        using ITimer a = clock.CreateTimer("A", Seconds(1), Seconds(1));

        await clock.AdvanceAsync(Seconds(4.5));
    }

    private static async Task ChangeEarlierAsync(TimeDriver clock)
    {
        using ITimer a = clock.CreateTimer("A", Seconds(10), s_never);
        await clock.AdvanceAsync(Seconds(2));

        clock.Record($"A.Change returned {a.Change(Seconds(3), s_never)}");
        await clock.AdvanceAsync(Seconds(3));
        await clock.AdvanceAsync(Seconds(10));
    }

    private static async Task ChangeLaterAsync(TimeDriver clock)
    {
        using ITimer a = clock.CreateTimer("A", Seconds(2), s_never);
        await clock.AdvanceAsync(Seconds(1));

        a.Change(Seconds(5), s_never);
        await clock.AdvanceAsync(Seconds(1));
        await clock.AdvanceAsync(Seconds(3));
        await clock.AdvanceAsync(Seconds(1));
        await clock.AdvanceAsync(Seconds(10));
    }

    private static async Task ChangeToInfiniteAsync(TimeDriver clock)
    {
        using ITimer a = clock.CreateTimer("A", Seconds(1), Seconds(1));
        await clock.AdvanceAsync(Seconds(1));

        a.Change(s_never, Seconds(1));
        await clock.AdvanceAsync(Seconds(10));
        a.Change(Seconds(2), s_never);
        await clock.AdvanceAsync(Seconds(2));
        await clock.AdvanceAsync(Seconds(10));
    }

    private static async Task ChangeToPeriodicAsync(TimeDriver clock)
    {
        using ITimer a = clock.CreateTimer("A", Seconds(1), s_never);
        await clock.AdvanceAsync(Seconds(1));

        a.Change(Seconds(2), Seconds(1));
        await clock.AdvanceAsync(Seconds(3));
    }

    private static async Task ChangeToOneShotAsync(TimeDriver clock)
    {
        using ITimer a = clock.CreateTimer("A", Seconds(1), Seconds(1));
        await clock.AdvanceAsync(Seconds(2));

        a.Change(Seconds(1), TimeSpan.Zero);
        await clock.AdvanceAsync(Seconds(5));
    }

    private static async Task ChangeInsideCallbackAsync(TimeDriver clock)
    {
        int fired = 0;
        ITimer? a = null;
        a = clock.Provider.CreateTimer(_ =>
        {
            clock.Record("A");
            if (++fired == 1)
            {
                a!.Change(Seconds(3), s_never);
            }
        }, null, Seconds(1), Seconds(1));

        await clock.AdvanceAsync(Seconds(1));
        await clock.AdvanceAsync(Seconds(3));
        await clock.AdvanceAsync(Seconds(5));
        a.Dispose();
    }

    private static async Task DisposeBeforeDueAsync(TimeDriver clock)
    {
        ITimer a = clock.CreateTimer("A", Seconds(2), s_never);
        using ITimer b = clock.CreateTimer("B", Seconds(2), s_never);
        await clock.AdvanceAsync(Seconds(1));

        a.Dispose();
        a.Dispose();
        clock.Record($"A.Change after Dispose returned {a.Change(Seconds(1), s_never)}");
        await clock.AdvanceAsync(Seconds(5));
    }

    private static async Task DisposeInsideCallbackAsync(TimeDriver clock)
    {
        int fired = 0;
        ITimer? a = null;
        a = clock.Provider.CreateTimer(_ =>
        {
            clock.Record("A");
            if (++fired == 2)
            {
                a!.Dispose();
            }
        }, null, Seconds(1), Seconds(1));

        await clock.AdvanceAsync(Seconds(5));
    }

    private static async Task DisposeAsyncAsync(TimeDriver clock)
    {
        ITimer a = clock.CreateTimer("A", Seconds(1), Seconds(1));
        await clock.AdvanceAsync(Seconds(1));

        await a.DisposeAsync();
        clock.Record($"A.Change after DisposeAsync returned {a.Change(Seconds(1), Seconds(1))}");
        await clock.AdvanceAsync(Seconds(5));
    }
}
