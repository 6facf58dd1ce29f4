namespace TrioTest.Testing.Tests.Time;

/// <summary>Scenarios of the BCL APIs that take a <see cref="TimeProvider"/> and create their timer on it.</summary>
public static partial class TimerScenarios
{
    private static async Task CancellationTokenSourceAsync(TimeDriver clock)
    {
        using var first = new CancellationTokenSource(Seconds(3), clock.Provider);
        using var second = new CancellationTokenSource(Seconds(10), clock.Provider);
        var disposed = new CancellationTokenSource(Seconds(5), clock.Provider);
        first.Token.Register(() => clock.Record("first cancelled"));
        second.Token.Register(() => clock.Record("second cancelled"));
        disposed.Token.Register(() => clock.Record("disposed source cancelled"));
        await clock.AdvanceAsync(Seconds(2));

        second.CancelAfter(Seconds(2));
        disposed.Dispose();
        await clock.AdvanceAsync(Seconds(1));
        await clock.AdvanceAsync(Seconds(1));
        await clock.AdvanceAsync(Seconds(10));
    }

    private static async Task PeriodicTimerAsync(TimeDriver clock)
    {
        using var timer = new PeriodicTimer(Seconds(2), clock.Provider);

        await Nursery.RunAsync(async nursery =>
        {
            nursery.StartSoon(async () =>
            {
                int ticks = 0;
                while (await timer.WaitForNextTickAsync())
                {
                    clock.Record("tick");
                    if (++ticks == 2)
                    {
                        timer.Period = Seconds(1);
                    }
                }

                clock.Record("stopped");
            }, "ticker");

            await clock.AdvanceAsync(Seconds(2));
            await clock.AdvanceAsync(Seconds(2));
            await clock.AdvanceAsync(Seconds(1));
            timer.Dispose();
        });
    }

    private static Task TaskDelayAsync(TimeDriver clock) => Nursery.RunAsync(async nursery =>
    {
        foreach ((string name, double seconds) in new[] { ("first 3 s delay", 3.0), ("1 s delay", 1.0), ("second 3 s delay", 3.0) })
        {
            nursery.StartSoon(async () =>
            {
                await Task.Delay(Seconds(seconds), clock.Provider);
                clock.Record(name);
            }, name);
        }

        await clock.AdvanceAsync(Seconds(1));
        await clock.AdvanceAsync(Seconds(2));
    });

    private static Task TaskDelayChainAsync(TimeDriver clock) => Nursery.RunAsync(async nursery =>
    {
        nursery.StartSoon(async () =>
        {
            await Task.Delay(Seconds(1), clock.Provider);
            clock.Record("first");
            await Task.Delay(Seconds(1), clock.Provider);
            clock.Record("second");
        }, "chain");

        await clock.AdvanceAsync(Seconds(1));
        await clock.AdvanceAsync(Seconds(1));
    });

    private static Task TaskDelayCancelledAsync(TimeDriver clock) => Nursery.RunAsync(async nursery =>
    {
        using var source = new CancellationTokenSource(Seconds(2), clock.Provider);
        nursery.StartSoon(async () =>
        {
            try
            {
                await Task.Delay(Seconds(10), clock.Provider, source.Token);
                clock.Record("delay completed");
            }
            catch (TaskCanceledException)
            {
                clock.Record("delay cancelled");
            }
        }, "delay");

        await clock.AdvanceAsync(Seconds(2));
        await clock.AdvanceAsync(Seconds(10));
    });

    private static Task WaitAsyncAsync(TimeDriver clock) => Nursery.RunAsync(async nursery =>
    {
        var never = new TaskCompletionSource();
        var soon = new TaskCompletionSource();
        nursery.StartSoon(async () =>
        {
            try
            {
                await never.Task.WaitAsync(Seconds(5), clock.Provider);
            }
            catch (TimeoutException)
            {
                clock.Record("timed out");
            }
        }, "never");
        nursery.StartSoon(async () =>
        {
            await soon.Task.WaitAsync(Seconds(5), clock.Provider);
            clock.Record("completed");
        }, "soon");

        await clock.AdvanceAsync(Seconds(2));
        soon.SetResult();
        await clock.AdvanceAsync(Seconds(3));
        await clock.AdvanceAsync(Seconds(10));
    });
}
