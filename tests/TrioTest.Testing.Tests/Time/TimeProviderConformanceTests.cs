using FluentAssertions;

namespace TrioTest.Testing.Tests.Time;

/// <summary>
/// Every scenario of <see cref="TimerScenarios"/> on our <see cref="TimeProvider"/> and on <c>FakeTimeProvider</c>:
/// the same timers fire the same number of times in the same order on both. The time each event sees follows each
/// provider's rule (DESIGN.md section 6), pinned literally in <see cref="FakeTimeProviderDifferenceTests"/>.
/// </summary>
public sealed class TimeProviderConformanceTests
{
    public static TheoryData<string, TimeProviderKind> Cases => TimerScenarios.OnEveryProvider();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Scenario_OnEitherProvider_FiresTheSameEventsInTheSameOrder(string scenario, TimeProviderKind provider)
    {
        TimerScenario subject = TimerScenarios.Get(scenario);

        IReadOnlyList<TimerEvent> log = TimeDriver.Run(provider, subject.Body);

        log.Select(e => e.What).Should().Equal(subject.Expected.Select(e => e.What),
            "{0} on {1} must fire what every provider fires, as often and in the same order; it logged [{2}]",
            scenario, provider, string.Join(", ", log));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Scenario_OnEachProvider_EventsSeeThatProvidersTime(string scenario, TimeProviderKind provider)
    {
        TimerScenario subject = TimerScenarios.Get(scenario);

        IReadOnlyList<TimerEvent> log = TimeDriver.Run(provider, subject.Body);

        if (provider == TimeProviderKind.Loop)
        {
            log.Select(e => e.At).Should().Equal(subject.Expected.Select(e => TimeSpan.FromSeconds(e.Seconds)),
                "on our provider each event sees its own due time; {0} logged [{1}]", scenario, string.Join(", ", log));
        }
        else
        {
            log.Should().OnlyContain(e => e.At == e.AdvanceEnd,
                "FakeTimeProvider.Advance moves to the end time before it fires anything; {0} logged [{1}]", scenario, string.Join(", ", log));
        }
    }
}
