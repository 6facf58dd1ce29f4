using Microsoft.Extensions.Time.Testing;

namespace TrioTest.Testing.Tests.Time;

/// <summary>
/// Runs one timer scenario on one <see cref="TimeProvider"/>: hands it the provider, moves time the way users of that
/// provider do, and logs what happens with the time each event saw.
/// </summary>
/// <remarks>
/// Both providers run inside a <see cref="Trio.Run(Func{Task}, RunOptions?)"/> with an autojumping virtual clock, so
/// every <c>await</c> resumes on the same deterministic loop and the only things that differ are the provider and the
/// way time moves: <c>FakeTimeProvider.Advance</c> on one side, <see cref="Trio.SleepAsync"/> (autojump) on the other.
/// </remarks>
public sealed class TimeDriver
{
    /// <summary>The latest virtual time a scenario may reach, so a timer left running fails the test instead of spinning.</summary>
    private static readonly TimeSpan s_virtualTimeLimit = TimeSpan.FromHours(1);

    /// <summary>The fake provider, or null when the scenario runs on ours.</summary>
    private readonly FakeTimeProvider? _fake;

    /// <summary>The provider's time when the scenario began.</summary>
    private readonly DateTimeOffset _start;

    /// <summary>Everything the scenario logged, in order.</summary>
    private readonly List<TimerEvent> _log = [];

    /// <summary>Where the advance in progress is heading, as a time since the scenario began.</summary>
    private TimeSpan _advanceEnd;

    private TimeDriver(TimeProviderKind kind)
    {
        Kind = kind;
        if (kind == TimeProviderKind.Fake)
        {
            _fake = new FakeTimeProvider();
            Provider = _fake;
        }
        else
        {
            Provider = Trio.TimeProvider;
        }

        _start = Provider.GetUtcNow();
    }

    /// <summary>Gets which provider the scenario runs on.</summary>
    public TimeProviderKind Kind { get; }

    /// <summary>Gets the provider under test: pass it to every timer, delay and token source of the scenario.</summary>
    public TimeProvider Provider { get; }

    /// <summary>Gets the provider's time since the scenario began.</summary>
    public TimeSpan Elapsed => Provider.GetUtcNow() - _start;

    /// <summary>Runs <paramref name="scenario"/> on the provider of <paramref name="kind"/> and returns its log.</summary>
    /// <param name="kind">The provider to run on.</param>
    /// <param name="scenario">The scenario, written once against <see cref="TimeProvider"/>.</param>
    /// <returns>Every event the scenario logged, in order.</returns>
    public static IReadOnlyList<TimerEvent> Run(TimeProviderKind kind, Func<TimeDriver, Task> scenario)
    {
        var options = new RunOptions { Clock = VirtualClock.CreateAutojumping(), VirtualTimeLimit = s_virtualTimeLimit };
        return Trio.Run(async () =>
        {
            var driver = new TimeDriver(kind);
            await scenario(driver);
            return (IReadOnlyList<TimerEvent>)driver._log;
        }, options);
    }

    /// <summary>Logs <paramref name="what"/> with the provider's current time.</summary>
    /// <param name="what">What happened.</param>
    public void Record(string what) => _log.Add(new TimerEvent(what, Elapsed, _advanceEnd));

    /// <summary>Creates a timer whose callback logs <paramref name="name"/>.</summary>
    /// <param name="name">The name the callback logs.</param>
    /// <param name="dueTime">The due time.</param>
    /// <param name="period">The period, or <see cref="Timeout.InfiniteTimeSpan"/> for a one-shot timer.</param>
    /// <returns>The timer.</returns>
    public ITimer CreateTimer(string name, TimeSpan dueTime, TimeSpan period) =>
        Provider.CreateTimer(_ => Record(name), null, dueTime, period);

    /// <summary>
    /// Moves time forward by <paramref name="delta"/>: lets every task reach its next wait, advances the provider, then
    /// lets everything the advance woke run before the scenario goes on.
    /// </summary>
    /// <param name="delta">How far to move.</param>
    /// <returns>A task that completes when time has moved and every task is blocked again.</returns>
    public async Task AdvanceAsync(TimeSpan delta)
    {
        // Tasks the scenario just started create their timers at the time they start: let them, before time moves.
        await Trio.WaitAllTasksBlockedAsync();
        _advanceEnd = Elapsed + delta;
        if (_fake is not null)
        {
            _fake.Advance(delta);
        }
        else
        {
            // The loop autojumps from deadline to deadline until this sleep's own deadline.
            await Trio.SleepAsync(delta);
        }

        await Trio.WaitAllTasksBlockedAsync();
    }
}
