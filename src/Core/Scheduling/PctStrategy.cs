namespace TrioTest;

/// <summary>
/// Probabilistic concurrency testing (Burckhardt, Kothari, Musuvathi and Nagarakatte, ASPLOS 2010): every task gets
/// a random priority, the highest-priority ready task always runs, and at <c>Depth - 1</c> random steps the running
/// task drops below every other. A bug that needs <c>d</c> ordering constraints among <c>n</c> tasks over <c>k</c>
/// steps is found with probability at least <c>1 / (n * k^(d-1))</c> per run when <c>Depth</c> is at least <c>d</c>.
/// </summary>
/// <remarks>
/// The change points are drawn from <c>1..StepEstimate</c>: an estimate far below the body's real step count puts
/// every change point early and misses deep bugs, one far above wastes runs. The test harness sizes it to the body
/// by running it once in FIFO order first. A strategy instance serves one run at a time.
/// </remarks>
/// <example>
/// <code>
/// Trio.Run(body, new RunOptions { Clock = VirtualClock.CreateAutojumping(), Seed = seed, Strategy = new PctStrategy(depth: 3, stepEstimate: 500) });
/// </code>
/// </example>
public sealed class PctStrategy : ScheduleStrategy
{
    /// <summary>Each task's priority, indexed by <see cref="TrioTask.Id"/>; 0 means not seen yet.</summary>
    private readonly List<ulong> _priorities = [];

    /// <summary>The steps (1-based) after which the running task is demoted, in increasing order.</summary>
    private readonly long[] _changePoints;

    /// <summary>The run's generator.</summary>
    private DeterministicRandom? _random;

    /// <summary>Steps completed in the current run.</summary>
    private long _steps;

    /// <summary>The next change point to reach.</summary>
    private int _nextChange;

    /// <summary>Initializes a new instance of the <see cref="PctStrategy"/> class.</summary>
    /// <param name="depth">The bug depth to target: the number of ordering constraints; at least 1 (1 means no change points).</param>
    /// <param name="stepEstimate">An estimate of the steps one run of the body takes; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="depth"/> or <paramref name="stepEstimate"/> is below 1.</exception>
    public PctStrategy(int depth = 3, long stepEstimate = 1000)
    {
        if (depth < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(depth), depth, "The PCT depth must be at least 1 (the number of ordering constraints a bug needs; 3 finds most).");
        }

        if (stepEstimate < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(stepEstimate), stepEstimate, "The PCT step estimate must be at least 1.");
        }

        Depth = depth;
        StepEstimate = stepEstimate;
        _changePoints = new long[depth - 1];
    }

    /// <summary>Gets the bug depth the strategy targets.</summary>
    public int Depth { get; }

    /// <summary>Gets the estimate of steps per run that change points are drawn from.</summary>
    public long StepEstimate { get; }

    /// <inheritdoc/>
    public override bool PicksOneStepAtATime => true;

    /// <inheritdoc/>
    public override void OnRunStarting(DeterministicRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        _random = random;
        _priorities.Clear();
        _steps = 0;
        _nextChange = 0;
        for (int i = 0; i < _changePoints.Length; i++)
        {
            _changePoints[i] = 1 + (long)(random.NextUInt64() % (ulong)StepEstimate);
        }

        Array.Sort(_changePoints);
    }

    /// <inheritdoc/>
    public override int PickNext(ReadOnlySpan<ReadyStep> ready)
    {
        int best = 0;
        ulong bestPriority = PriorityOf(ready[0].Task);
        for (int i = 1; i < ready.Length; i++)
        {
            ulong priority = PriorityOf(ready[i].Task);
            if (priority > bestPriority)
            {
                best = i;
                bestPriority = priority;
            }
        }

        return best;
    }

    /// <inheritdoc/>
    public override void OnStepCompleted(in ReadyStep step)
    {
        _steps++;
        while (_nextChange < _changePoints.Length && _changePoints[_nextChange] <= _steps)
        {
            // The i-th change point gives priority Depth - 1 - i: below every initial priority, and below earlier demotions.
            _priorities[(int)step.Task.Id] = (ulong)(_changePoints.Length - _nextChange);
            _nextChange++;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"Pct(depth {Depth}, {StepEstimate} steps)";

    /// <summary>Gets a task's priority, drawing a fresh one (above every change-point priority) the first time the task is seen.</summary>
    private ulong PriorityOf(TrioTask task)
    {
        int id = (int)task.Id;
        while (_priorities.Count <= id)
        {
            _priorities.Add(0);
        }

        ulong priority = _priorities[id];
        if (priority == 0)
        {
            DeterministicRandom random = _random ?? throw new InvalidOperationException(
                "PctStrategy.PickNext was called before OnRunStarting: pass the strategy in RunOptions.Strategy and let Trio.Run drive it.");

            // The top bits are random, the low bits the spawn order, so priorities never tie; Depth keeps them above demotions.
            priority = Math.Max((ulong)Depth, (random.NextUInt64() & ~0xFFFFFUL) | ((uint)id & 0xFFFFFu));
            _priorities[id] = priority;
        }

        return priority;
    }
}
