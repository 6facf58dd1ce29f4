namespace TrioTest.Testing.Tests.Time;

/// <summary>
/// The catalogue of timer scenarios that both providers must agree on. Each scenario moves time in the steps a
/// <c>FakeTimeProvider</c> user would; where one advance passes several due times, the log still agrees on what
/// fired and in what order, and only the time each event saw differs (asserted per provider by the conformance tests).
/// </summary>
public static partial class TimerScenarios
{
    /// <summary>The period (or due time) of a timer that does not repeat (or is stopped).</summary>
    private static readonly TimeSpan s_never = Timeout.InfiniteTimeSpan;

    /// <summary>Gets every scenario, by topic.</summary>
    public static IReadOnlyList<TimerScenario> All { get; } =
    [
        new("OneShot_FiresOnceAtItsDueTime", OneShotAsync, [("B", 2), ("A", 3)]),
        new("Periodic_FiresOncePerPeriod", PeriodicAsync, [("A", 1), ("A", 3), ("A", 5)]),
        new("Periodic_OneAdvanceOverSeveralPeriods_FiresEveryMissedPeriod", PeriodicCatchUpAsync, [("A", 1), ("A", 2), ("A", 3), ("A", 4)]),
        new("Change_ToAnEarlierDueTime_FiresEarlier", ChangeEarlierAsync, [("A.Change returned True", 2), ("A", 5)]),
        new("Change_ToALaterDueTime_FiresLater", ChangeLaterAsync, [("A", 6)]),
        new("Change_ToInfinite_StopsTheTimerUntilItIsChangedAgain", ChangeToInfiniteAsync, [("A", 1), ("A", 13)]),
        new("Change_FromOneShotToPeriodic_Repeats", ChangeToPeriodicAsync, [("A", 1), ("A", 3), ("A", 4)]),
        new("Change_FromPeriodicToOneShot_FiresOnceMore", ChangeToOneShotAsync, [("A", 1), ("A", 2), ("A", 3)]),
        new("Change_InsideItsOwnCallback_ReplacesTheNextPeriod", ChangeInsideCallbackAsync, [("A", 1), ("A", 4)]),
        new("Dispose_BeforeItsDueTime_StopsOnlyThatTimer", DisposeBeforeDueAsync, [("A.Change after Dispose returned False", 1), ("B", 2)]),
        new("Dispose_InsideItsOwnCallback_StopsAPeriodicTimer", DisposeInsideCallbackAsync, [("A", 1), ("A", 2)]),
        new("DisposeAsync_StopsAPeriodicTimer", DisposeAsyncAsync, [("A", 1), ("A.Change after DisposeAsync returned False", 1)]),
        new("EqualDeadlines_FireInCreationOrder", EqualDeadlinesAsync, [("C", 2), ("A", 2), ("B", 2), ("D", 2)]),
        new("EqualDeadlines_ATimerRescheduledLater_FiresAfterTheOthers", EqualDeadlinesRescheduledAsync, [("B", 4), ("A", 4)]),
        new("EqualDeadlines_ARearmedPeriodicTimer_FiresAfterTheTimersAlreadyWaiting", EqualDeadlinesRearmedAsync, [("P", 1), ("O", 2), ("P", 2)]),
        new("CreatedInCallback_ZeroDue_FiresAtOnceAfterTheTimersAlreadyDue", CreatedInCallbackZeroDueAsync, [("A", 1), ("C", 1), ("B", 1)]),
        new("CreatedInCallback_PositiveDue_FiresAtItsDueTimeAfterOlderTimers", CreatedInCallbackPositiveDueAsync, [("A", 1), ("C", 3), ("B", 3)]),
        new("CreatedInCallback_AChainOfTimers_EachFiresOnePeriodLater", CreatedInCallbackChainAsync, [("A", 1), ("B", 2), ("C", 3)]),
        new("DueZero_CreateAndChange_FireAtTheCurrentTime", DueZeroAsync, [("A", 1), ("B", 1)]),
        new("DueZero_Periodic_FiresNowAndThenEveryPeriod", DueZeroPeriodicAsync, [("A", 0), ("A", 2), ("A", 4)]),
        new("CancellationTokenSource_WithADelay_CancelsAtItsDueTime", CancellationTokenSourceAsync, [("first cancelled", 3), ("second cancelled", 4)]),
        new("PeriodicTimer_TicksOncePerPeriod_AndFollowsAPeriodChange", PeriodicTimerAsync, [("tick", 2), ("tick", 4), ("tick", 5), ("stopped", 5)]),
        new("TaskDelay_CompletesAtItsDueTime_EqualDelaysInCreationOrder", TaskDelayAsync, [("1 s delay", 1), ("first 3 s delay", 3), ("second 3 s delay", 3)]),
        new("TaskDelay_AChainWithOneAdvancePerDelay_CompletesEachInTurn", TaskDelayChainAsync, [("first", 1), ("second", 2)]),
        new("TaskDelay_CancelledByATimedToken_EndsAtTheTokensDueTime", TaskDelayCancelledAsync, [("delay cancelled", 2)]),
        new("WaitAsync_TimesOutAtItsDueTime_UnlessTheTaskCompletesFirst", WaitAsyncAsync, [("completed", 2), ("timed out", 5)]),
    ];

    /// <summary>Finds a scenario by name.</summary>
    /// <param name="name">The scenario's name.</param>
    /// <returns>The scenario.</returns>
    public static TimerScenario Get(string name) => All.Single(scenario => scenario.Name == name);

    /// <summary>Gets every scenario on every provider, for a theory.</summary>
    /// <returns>One row per (scenario, provider).</returns>
    public static TheoryData<string, TimeProviderKind> OnEveryProvider()
    {
        var data = new TheoryData<string, TimeProviderKind>();
        foreach (TimerScenario scenario in All)
        {
            data.Add(scenario.Name, TimeProviderKind.Loop);
            data.Add(scenario.Name, TimeProviderKind.Fake);
        }

        return data;
    }

    /// <summary>Returns a duration in seconds.</summary>
    private static TimeSpan Seconds(double seconds) => TimeSpan.FromSeconds(seconds);
}
