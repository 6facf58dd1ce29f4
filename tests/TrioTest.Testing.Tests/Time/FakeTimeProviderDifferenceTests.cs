using FluentAssertions;

namespace TrioTest.Testing.Tests.Time;

/// <summary>
/// Where our <see cref="TimeProvider"/> and <c>FakeTimeProvider</c> differ, the same scenario on both, each outcome
/// pinned. DESIGN.md section 6 names one difference: <c>Advance</c> moves to the end time before it fires anything, so
/// every callback sees the end time and work scheduled by a callback or a continuation counts from there; our loop
/// jumps from due time to due time. The last tests pin what the conformance suite found beyond it.
/// </summary>
public sealed class FakeTimeProviderDifferenceTests
{
    private static readonly TimeSpan s_never = Timeout.InfiniteTimeSpan;

    [Fact]
    public void Advance_PastSeveralDueTimes_FakeCallbacksSeeTheEndTimeOursSeeTheirOwn()
    {
        static async Task Scenario(TimeDriver clock)
        {
            using ITimer a = clock.CreateTimer("A", Seconds(1), s_never);
            using ITimer b = clock.CreateTimer("B", Seconds(2), s_never);
            using ITimer c = clock.CreateTimer("C", Seconds(3), s_never);
            await clock.AdvanceAsync(Seconds(3));
        }

        IReadOnlyList<string> fake = Describe(TimeDriver.Run(TimeProviderKind.Fake, Scenario));
        IReadOnlyList<string> ours = Describe(TimeDriver.Run(TimeProviderKind.Loop, Scenario));

        fake.Should().Equal(["A at 3 s", "B at 3 s", "C at 3 s"], "FakeTimeProvider.Advance sets the end time first");
        ours.Should().Equal(["A at 1 s", "B at 2 s", "C at 3 s"], "our loop jumps to each due time in turn");
    }

    [Fact]
    public void TaskDelayChain_TwoOneSecondDelays_FakeNeedsTwoAdvancesOursFinishesInOneAutojumpSequence()
    {
        static Task Scenario(TimeDriver clock) => Nursery.RunAsync(async nursery =>
        {
            nursery.StartSoon(async () =>
            {
                await Task.Delay(Seconds(1), clock.Provider);
                clock.Record("first");
                await Task.Delay(Seconds(1), clock.Provider);
                clock.Record("second");
            }, "chain");
            await clock.AdvanceAsync(Seconds(2));
            clock.Record("one advance done");
            await clock.AdvanceAsync(Seconds(1));
        });

        IReadOnlyList<string> fake = Describe(TimeDriver.Run(TimeProviderKind.Fake, Scenario));
        IReadOnlyList<string> ours = Describe(TimeDriver.Run(TimeProviderKind.Loop, Scenario));

        fake.Should().Equal(["first at 2 s", "one advance done at 2 s", "second at 3 s"],
            "on FakeTimeProvider the second delay starts after the advance reached 2 s, so it needs another advance");
        ours.Should().Equal(["first at 1 s", "second at 2 s", "one advance done at 2 s"],
            "our loop resumes the chain at 1 s and autojumps on to the second delay within the same sleep");
    }

    [Fact]
    public void Change_FromItsOwnCallbackDuringOneLongAdvance_FakeFiresOnceOursFiresAtEveryDueTime()
    {
        // dotnet/extensions#5722: a timer that re-arms itself with Change misses executions under one Advance.
        static async Task Scenario(TimeDriver clock)
        {
            ITimer? a = null;
            a = clock.Provider.CreateTimer(_ =>
            {
                clock.Record("A");
                a!.Change(Seconds(2), s_never);
            }, null, Seconds(1), s_never);
            await clock.AdvanceAsync(Seconds(5));
            clock.Record("advance done");
            a.Dispose();
        }

        IReadOnlyList<string> fake = Describe(TimeDriver.Run(TimeProviderKind.Fake, Scenario));
        IReadOnlyList<string> ours = Describe(TimeDriver.Run(TimeProviderKind.Loop, Scenario));

        fake.Should().Equal(["A at 5 s", "advance done at 5 s"], "on FakeTimeProvider the callback re-arms from the end time, 7 s");
        ours.Should().Equal(["A at 1 s", "A at 3 s", "A at 5 s", "advance done at 5 s"], "on ours the callback re-arms from its own due time");
    }

    [Fact]
    public void CreateTimer_InsideACallbackDuringOneLongAdvance_FakeSchedulesItFromTheEndOursFromTheCallbacksTime()
    {
        static async Task Scenario(TimeDriver clock)
        {
            var created = new List<ITimer>();
            using ITimer a = clock.Provider.CreateTimer(_ =>
            {
                clock.Record("A");
                created.Add(clock.CreateTimer("B", Seconds(1), s_never));
            }, null, Seconds(1), s_never);
            await clock.AdvanceAsync(Seconds(3));
            clock.Record("one advance done");
            await clock.AdvanceAsync(Seconds(1));
            created.ForEach(timer => timer.Dispose());
        }

        IReadOnlyList<string> fake = Describe(TimeDriver.Run(TimeProviderKind.Fake, Scenario));
        IReadOnlyList<string> ours = Describe(TimeDriver.Run(TimeProviderKind.Loop, Scenario));

        fake.Should().Equal(["A at 3 s", "one advance done at 3 s", "B at 4 s"], "on FakeTimeProvider B is due 1 s after the end time");
        ours.Should().Equal(["A at 1 s", "B at 2 s", "one advance done at 3 s"], "on ours B is due 1 s after A fired");
    }

    [Fact]
    public void PeriodicTimer_OneAdvanceOverThreePeriods_FakeCoalescesTheTicksOursTicksEveryPeriod()
    {
        static Task Scenario(TimeDriver clock) => Nursery.RunAsync(async nursery =>
        {
            using var timer = new PeriodicTimer(Seconds(2), clock.Provider);
            nursery.StartSoon(async () =>
            {
                while (await timer.WaitForNextTickAsync())
                {
                    clock.Record("tick");
                }
            }, "ticker");
            await clock.AdvanceAsync(Seconds(6));
            clock.Record("advance done");
            timer.Dispose();
        });

        IReadOnlyList<string> fake = Describe(TimeDriver.Run(TimeProviderKind.Fake, Scenario));
        IReadOnlyList<string> ours = Describe(TimeDriver.Run(TimeProviderKind.Loop, Scenario));

        fake.Should().Equal(["tick at 6 s", "advance done at 6 s"],
            "on FakeTimeProvider all three periods pass before the waiting task runs, and a PeriodicTimer keeps one pending tick");
        ours.Should().Equal(["tick at 2 s", "tick at 4 s", "tick at 6 s", "advance done at 6 s"],
            "on ours the waiting task runs after each period, before the clock jumps on");
    }

    // Beyond DESIGN.md: FakeTimeProvider runs the callback of a zero due time inside CreateTimer or Change (unless
    // another callback is running); ours, like TimeProvider.System, never calls back inside the caller: the timer fires
    // at the loop's next pass, before any other step runs, at the same virtual time.
    [Fact]
    public void DueZero_CreateTimerAndChange_FakeCallsBackInsideTheCallOursAtTheLoopsNextPass()
    {
        static async Task Scenario(TimeDriver clock)
        {
            using ITimer a = clock.CreateTimer("A", TimeSpan.Zero, s_never);
            clock.Record("CreateTimer returned");
            using ITimer b = clock.CreateTimer("B", Seconds(10), s_never);
            b.Change(TimeSpan.Zero, s_never);
            clock.Record("Change returned");
            await clock.AdvanceAsync(TimeSpan.Zero);
        }

        IReadOnlyList<string> fake = Describe(TimeDriver.Run(TimeProviderKind.Fake, Scenario));
        IReadOnlyList<string> ours = Describe(TimeDriver.Run(TimeProviderKind.Loop, Scenario));

        fake.Should().Equal(["A at 0 s", "CreateTimer returned at 0 s", "B at 0 s", "Change returned at 0 s"]);
        ours.Should().Equal(["CreateTimer returned at 0 s", "Change returned at 0 s", "A at 0 s", "B at 0 s"]);
    }

    // Beyond DESIGN.md: FakeTimeProvider breaks a tie between equal due times by the time each was scheduled, which is
    // the same for every timer scheduled in one instant, and then by the timers' places in a HashSet, which reuses the
    // places of removed timers. Ours breaks ties by the order the timers were scheduled in, always.
    [Fact]
    public void EqualDeadlines_CreatedInOneInstantAfterOtherTimersEnded_FakeMayReverseThemOursKeepsCreationOrder()
    {
        static async Task Scenario(TimeDriver clock)
        {
            using ITimer first = clock.CreateTimer("X", Seconds(1), s_never);
            using ITimer second = clock.CreateTimer("Y", Seconds(1), s_never);
            await clock.AdvanceAsync(Seconds(1));
            using ITimer a = clock.CreateTimer("A", Seconds(1), s_never);
            using ITimer b = clock.CreateTimer("B", Seconds(1), s_never);
            await clock.AdvanceAsync(Seconds(1));
        }

        IReadOnlyList<string> fake = Describe(TimeDriver.Run(TimeProviderKind.Fake, Scenario));
        IReadOnlyList<string> ours = Describe(TimeDriver.Run(TimeProviderKind.Loop, Scenario));

        fake.Should().Equal(["X at 1 s", "Y at 1 s", "B at 2 s", "A at 2 s"], "B took the HashSet place X left, A the one Y left");
        ours.Should().Equal(["X at 1 s", "Y at 1 s", "A at 2 s", "B at 2 s"]);
    }

    [Fact]
    public void EqualDeadlines_RescheduledInTheInstantItWasCreated_FakeKeepsItsPlaceOursPutsItBehind()
    {
        static async Task Scenario(TimeDriver clock)
        {
            using ITimer a = clock.CreateTimer("A", Seconds(4), s_never);
            using ITimer b = clock.CreateTimer("B", Seconds(4), s_never);
            a.Change(Seconds(4), s_never);
            await clock.AdvanceAsync(Seconds(4));
        }

        IReadOnlyList<string> fake = Describe(TimeDriver.Run(TimeProviderKind.Fake, Scenario));
        IReadOnlyList<string> ours = Describe(TimeDriver.Run(TimeProviderKind.Loop, Scenario));

        fake.Should().Equal(["A at 4 s", "B at 4 s"], "A's new entry took the HashSet place its old one left");
        ours.Should().Equal(["B at 4 s", "A at 4 s"], "A was scheduled after B");
    }

    private static TimeSpan Seconds(double seconds) => TimeSpan.FromSeconds(seconds);

    private static IReadOnlyList<string> Describe(IReadOnlyList<TimerEvent> log) =>
        log.Select(e => $"{e.What} at {e.At.TotalSeconds} s").ToList();
}
