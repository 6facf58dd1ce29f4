using FluentAssertions;

namespace TrioTest.Testing.Tests.Time;

/// <summary>
/// The due times and periods a timer accepts, on our provider and on <c>FakeTimeProvider</c>, against
/// <see cref="TimeProvider.System"/>: code that passes a test must not throw in production.
/// </summary>
public sealed class TimerArgumentConformanceTests
{
    /// <summary>The longest due time or period <see cref="TimeProvider.System"/> accepts: 0xFFFFFFFE ms, about 49.7 days.</summary>
    private static readonly TimeSpan s_limit = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    /// <summary>One millisecond past the limit.</summary>
    private static readonly TimeSpan s_pastLimit = TimeSpan.FromMilliseconds(uint.MaxValue);

    private static readonly TimeSpan s_never = Timeout.InfiniteTimeSpan;

    /// <summary>Each operation, with what <see cref="TimeProvider.System"/> does with it.</summary>
    private static readonly Dictionary<string, (Action<TimeProvider> Operation, string Outcome)> s_operations = new()
    {
        ["due time at the limit"] = (time => time.CreateTimer(_ => { }, null, s_limit, s_never).Dispose(), "accepted"),
        ["period at the limit"] = (time => time.CreateTimer(_ => { }, null, s_limit, s_limit).Dispose(), "accepted"),
        ["due time past the limit"] = (time => time.CreateTimer(_ => { }, null, s_pastLimit, s_never).Dispose(), "ArgumentOutOfRangeException"),
        ["period past the limit"] = (time => time.CreateTimer(_ => { }, null, s_limit, s_pastLimit).Dispose(), "ArgumentOutOfRangeException"),
        ["Change to a due time past the limit"] = (time => ChangeThenDispose(time, s_pastLimit, s_never), "ArgumentOutOfRangeException"),
        ["Change to a period past the limit"] = (time => ChangeThenDispose(time, s_never, s_pastLimit), "ArgumentOutOfRangeException"),
        ["negative due time"] = (time => time.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(-2), s_never).Dispose(), "ArgumentOutOfRangeException"),
    };

    public static TheoryData<string, TimeProviderKind> Cases
    {
        get
        {
            var data = new TheoryData<string, TimeProviderKind>();
            foreach (string name in s_operations.Keys)
            {
                data.Add(name, TimeProviderKind.Loop);
                data.Add(name, TimeProviderKind.Fake);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void CreateTimerAndChange_OnEitherProvider_AcceptWhatTheSystemProviderAccepts(string operation, TimeProviderKind provider)
    {
        (Action<TimeProvider> act, string systemOutcome) = s_operations[operation];

        IReadOnlyList<TimerEvent> log = TimeDriver.Run(provider, clock =>
        {
            clock.Record(Outcome(() => act(clock.Provider)));
            return Task.CompletedTask;
        });

        log.Select(e => e.What).Should().Equal([systemOutcome], "TimeProvider.System's outcome for {0}", operation);
    }

    [Fact]
    public void CreateTimer_OnTheSystemProvider_RejectsADueTimePastTheLimit()
    {
        string outcome = Outcome(() => TimeProvider.System.CreateTimer(_ => { }, null, s_pastLimit, s_never).Dispose());

        outcome.Should().Be("ArgumentOutOfRangeException", "the limits the other providers are held to are the system's");
    }

    private static void ChangeThenDispose(TimeProvider time, TimeSpan dueTime, TimeSpan period)
    {
        using ITimer timer = time.CreateTimer(_ => { }, null, s_never, s_never);
        timer.Change(dueTime, period);
    }

    private static string Outcome(Action act)
    {
        try
        {
            act();
            return "accepted";
        }
        catch (Exception e)
        {
            return e.GetType().Name;
        }
    }
}
