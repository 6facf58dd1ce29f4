namespace TrioTest;

/// <summary>How <see cref="Trio.Run(Func{Task}, RunOptions?)"/> runs: the clock, the seed and strategy of the schedule, instruments and limits.</summary>
/// <remarks>The defaults suit production code: the system clock, the <see cref="ScheduleStrategy.Fifo"/> order, escapes recorded, no limits. The test harness uses a virtual clock, a random strategy and strict escapes.</remarks>
public sealed class RunOptions
{
    /// <summary>The virtual-time limit, if any.</summary>
    private TimeSpan _virtualTimeLimit = Timeout.InfiniteTimeSpan;

    /// <summary>The step limit, or -1 for none.</summary>
    private long _stepLimit = -1;

    /// <summary>The name of the main task.</summary>
    private string _mainTaskName = "main";

    /// <summary>Gets or sets the clock; by default a new <see cref="SystemClock"/>. A clock drives one run only.</summary>
    public Clock? Clock { get; set; }

    /// <summary>Gets or sets the seed of the run's <see cref="DeterministicRandom"/>, which the strategy draws from (0 by default).</summary>
    public Seed Seed { get; set; }

    /// <summary>Gets or sets the scheduling strategy; by default <see cref="ScheduleStrategy.Fifo"/>.</summary>
    public ScheduleStrategy? Strategy { get; set; }

    /// <summary>Gets the instruments installed for the run, in the order their hooks are called.</summary>
    public IList<Instrument> Instruments { get; } = [];

    /// <summary>
    /// Gets or sets the latest time the clock may reach: a run whose next deadline lies beyond it fails with
    /// <see cref="VirtualTimeLimitExceededException"/> instead of jumping there (a live periodic timer would otherwise
    /// autojump forever). <see cref="Timeout.InfiniteTimeSpan"/> (the default) means no limit.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative, and not <see cref="Timeout.InfiniteTimeSpan"/>.</exception>
    public TimeSpan VirtualTimeLimit
    {
        get => _virtualTimeLimit;
        set
        {
            if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "RunOptions.VirtualTimeLimit must be positive, or Timeout.InfiniteTimeSpan for no limit.");
            }

            _virtualTimeLimit = value;
        }
    }

    /// <summary>
    /// Gets or sets how many steps the run may take: a run that reaches it with <c>main</c> not done fails with
    /// <see cref="StepLimitExceededException"/> (a loop that checkpoints forever would otherwise never end, in virtual time
    /// or real). -1 (the default) means no limit. The count is part of the schedule, so the failure comes at the same step
    /// on every run of a seed.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero, or negative and not -1.</exception>
    public long StepLimit
    {
        get => _stepLimit;
        set
        {
            if (value < 1 && value != -1)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "RunOptions.StepLimit must be positive, or -1 for no limit.");
            }

            _stepLimit = value;
        }
    }

    /// <summary>Gets or sets what the run does when code on another thread reaches back into it; <see cref="EscapePolicy.Record"/> by default.</summary>
    public EscapePolicy EscapePolicy { get; set; } = EscapePolicy.Record;

    /// <summary>
    /// Gets or sets a value indicating whether a run in which nothing can ever happen again fails with a
    /// <see cref="DeadlockException"/>. By default (<see langword="null"/>) it is on under a virtual clock and off
    /// under a real one, where work outside the loop (real I/O) may still complete.
    /// </summary>
    public bool? DetectDeadlocks { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the run watches the loop thread's thread-pool work and records each item
    /// as an <see cref="EscapeKind.Departure"/> when it leaves (under <see cref="EscapePolicy.Fail"/> the run fails there).
    /// By default (<see langword="null"/>) it is on under a virtual clock, where nothing should leave the loop, and off
    /// under a real one, where production code sends work to the pool as a matter of course.
    /// </summary>
    public bool? WatchDepartures { get; set; }

    /// <summary>Gets or sets the name (and path) of the main task; <c>main</c> by default.</summary>
    /// <exception cref="ArgumentException">The value is empty or contains '/'.</exception>
    public string MainTaskName
    {
        get => _mainTaskName;
        set
        {
            ArgumentException.ThrowIfNullOrEmpty(value);
            if (value.Contains('/', StringComparison.Ordinal))
            {
                throw new ArgumentException("RunOptions.MainTaskName must not contain '/': it is the first segment of every task path.", nameof(value));
            }

            _mainTaskName = value;
        }
    }

    /// <summary>
    /// Gets or sets what the run is, for messages that outlive it, such as the test's name: work that comes back after
    /// the run ended is reported on <see cref="Log"/> with it, when no test is left to fail. <see langword="null"/> (the
    /// default) names none.
    /// </summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets where the run reports problems it survives, such as a disabled instrument; <see cref="Console.Error"/> when null.</summary>
    public TextWriter? Log { get; set; }
}
