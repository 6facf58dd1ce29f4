namespace TrioTest.Testing;

/// <summary>
/// What a test body can know about the schedule it runs in: its seed, its place in the exploration, its trace so far,
/// and a background nursery for services the test needs. Passed to the body, and available as <see cref="Current"/>.
/// </summary>
/// <example>
/// <code>
/// TrioTestRunner.Run(async context =>
/// {
///     context.Background.StartSoon(() => server.ServeAsync(), "server");   // cancelled when the body returns
///     await client.PingAsync();
///     context.Trace.AssertBefore("server:listening", "main:ping");
/// });
/// </code>
/// </example>
public sealed class TrioTestContext
{
    /// <summary>The recorder of the schedule, if it records.</summary>
    private readonly TraceRecorder? _recorder;

    /// <summary>The exploration that runs this schedule, for the failures it hears of later.</summary>
    internal Exploration? Exploration { get; init; }

    /// <summary>The background nursery, once the body runs.</summary>
    private Nursery? _background;

    internal TrioTestContext(TrioTestOptions options, Seed seed, SeedSource source, int schedule, int schedules, TraceRecorder? recorder)
    {
        Options = options;
        Seed = seed;
        SeedSource = source;
        Schedule = schedule;
        Schedules = schedules;
        _recorder = recorder;
    }

    /// <summary>Gets the context of the test schedule the calling code runs in.</summary>
    /// <exception cref="InvalidOperationException">The code does not run inside a test body started by <see cref="TrioTestRunner"/> (or an <c>[AsyncTest]</c>).</exception>
    public static TrioTestContext Current => CurrentOrNull ?? throw new InvalidOperationException(
        "TrioTestContext.Current is only available inside a test body run by TrioTestRunner: mark the test [AsyncTest] instead of [Fact]/[Test], or call TrioTestRunner.Run.");

    /// <summary>Gets the context of the calling code's test schedule, or <see langword="null"/> outside one.</summary>
    /// <remarks>
    /// The schedule's run carries its context: the calling flow's run is found from its ambient task, which flows with it.
    /// The context is current once the body starts (so an instrument's <c>BeforeRun</c> sees none, as before the run).
    /// </remarks>
    public static TrioTestContext? CurrentOrNull =>
        Runner.OfCurrentFlow?.HostState is TrioTestContext { _background: not null } context ? context : null;

    /// <summary>Gets the options the test runs with. Read them; do not change them: the exploration reads most of them once, when it starts.</summary>
    public TrioTestOptions Options { get; }

    /// <summary>Gets the schedule's seed; its text is the form to paste into <c>Seed</c>.</summary>
    public Seed Seed { get; }

    /// <summary>Gets where the seed came from.</summary>
    public SeedSource SeedSource { get; }

    /// <summary>Gets the schedule's number in this test's run, from 1.</summary>
    public int Schedule { get; }

    /// <summary>Gets how many schedules this test's run plans.</summary>
    public int Schedules { get; }

    /// <summary>
    /// Gets a nursery that lives as long as the test body: tasks started in it are cancelled when the body returns, and
    /// their failures fail the test. It is the run's own nursery (Trio's system nursery): its parent task is the body's,
    /// <c>main</c>, so its tasks are named <c>main/...</c>, and the schedule ends when they have all exited.
    /// </summary>
    /// <exception cref="InvalidOperationException">The body has not started yet.</exception>
    public Nursery Background => _background ?? throw new InvalidOperationException("The background nursery opens when the test body starts.");

    /// <summary>Gets the checkpoint trace recorded so far in this schedule (empty when <see cref="TrioTestOptions.RecordTrace"/> is off). Read it on the loop thread.</summary>
    public CheckpointTrace Trace => _recorder?.GetTrace() ?? CheckpointTrace.Empty;

    /// <inheritdoc/>
    public override string ToString() => $"schedule {Schedule} of {Schedules}, seed {Seed} ({SeedSource})";

    /// <summary>Hands the body its background nursery as it starts.</summary>
    internal void Enter(Nursery background) => _background = background;
}
