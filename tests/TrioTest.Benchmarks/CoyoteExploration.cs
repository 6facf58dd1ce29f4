using Microsoft.Coyote;
using Microsoft.Coyote.Logging;
using Microsoft.Coyote.Rewriting;
using Microsoft.Coyote.SystematicTesting;
using TrioTest.Benchmarks.Coyote;
using TrioTest.Testing;

namespace TrioTest.Benchmarks;

/// <summary>
/// Runs a body of the rewritten TrioTest.Benchmarks.Coyote assembly under Coyote's testing engine, in this process, with
/// the strategy that matches one of TrioTest's: the baseline of <see cref="CoyoteBenchmarks"/>.
/// </summary>
internal static class CoyoteExploration
{
    /// <summary>
    /// The priority change points of Coyote's PCT (its prioritization strategy): TrioTest's default
    /// <see cref="TrioTestOptions.PctDepth"/> of 3 also means two.
    /// </summary>
    private const uint PctPriorityChanges = 2;

    /// <summary>Discards the engine's log, which by default goes to the console ("..... Iteration #10").</summary>
    private static readonly TextWriterLogger s_silent = new(TextWriter.Null, VerbosityLevel.None);

    /// <summary>Explores <paramref name="body"/> for <paramref name="iterations"/> iterations from seed 1, stopping at the first bug, as Coyote does.</summary>
    /// <returns>Coyote's report: the iterations run and the bugs found.</returns>
    public static TestReport Run(Action body, ExplorationStrategy strategy, uint iterations)
    {
        Configuration configuration = Configuration.Create()
            .WithTestingIterations(iterations)
            .WithRandomGeneratorSeed(1)
            .WithTelemetryEnabled(false);
        configuration = strategy switch
        {
            ExplorationStrategy.Random => configuration.WithRandomStrategy(),
            ExplorationStrategy.Pct => configuration.WithPrioritizationStrategy(isFair: false, priorityChangeBound: PctPriorityChanges),
            _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Coyote is compared with TrioTest's Random and Pct strategies only."),
        };

        using TestingEngine engine = TestingEngine.Create(configuration, body);
        engine.SetLogger(s_silent);
        engine.Run();
        return engine.TestReport;
    }

    /// <summary>
    /// Checks that Coyote controls the bounded buffer: that the assembly is rewritten, and that Coyote finds the
    /// deadlock of the buffer's buggy twin (<see cref="CoyoteBoundedBuffer.RunWithPulse"/>) within <paramref name="iterations"/>.
    /// </summary>
    /// <returns>The number of iterations Coyote ran to find the deadlock.</returns>
    /// <exception cref="InvalidOperationException">The assembly is not rewritten, or Coyote did not find the twin's deadlock.</exception>
    public static int ThrowIfNotControlled(ExplorationStrategy strategy, uint iterations)
    {
        if (!RewritingEngine.IsAssemblyRewritten(typeof(CoyoteBoundedBuffer).Assembly))
        {
            throw new InvalidOperationException(
                $"{typeof(CoyoteBoundedBuffer).Assembly.Location} is not rewritten by Coyote's rewriter, so Coyote would not control its Tasks " +
                "and the benchmark would measure uncontrolled threads. Run tests/TrioTest.Benchmarks/run.sh, or build with " +
                "TRIOTEST_COYOTE_REWRITE=1 in the environment (tests/TrioTest.Benchmarks.Coyote/Coyote.targets rewrites it after each build).");
        }

        TestReport twin = Run(CoyoteBoundedBuffer.RunWithPulse, strategy, iterations);
        int explored = twin.NumOfExploredFairPaths + twin.NumOfExploredUnfairPaths;
        if (twin.NumOfFoundBugs == 0)
        {
            throw new InvalidOperationException(
                $"Coyote ({strategy}) ran {explored} iterations of the bounded buffer's Pulse twin without finding its deadlock: " +
                "it does not control the body, so its time for the fixed buffer would not be an exploration's.");
        }

        return explored;
    }
}
