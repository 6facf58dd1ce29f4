using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Commands;

namespace TrioTest.NUnit.Sdk;

/// <summary>
/// Runs an <c>[AsyncTest]</c>'s exploration through the TrioTest harness on a loop thread of its own, waits for it on
/// NUnit's thread, and records one NUnit result: passed, or the failing schedule's report as the message and the tail
/// of its trace in the output.
/// </summary>
/// <remarks>
/// The loop cannot be NUnit's thread: NUnit's method and set-up commands block their thread on an async method's task,
/// and that task needs the loop to finish. The loop thread starts from this thread's execution context, so NUnit's
/// current context (<c>TestContext</c>, <c>Assert</c>, <c>TestContext.Out</c>) flows onto it.
/// </remarks>
internal sealed class ExplorationCommand : TestCommand
{
    /// <summary>How many trace events go to the test output on failure.</summary>
    private const int OutputTraceEvents = 40;

    /// <summary>The test.</summary>
    private readonly TestMethod _test;

    /// <summary>How long the waiting thread yields before it blocks (see <see cref="WaitFor"/>).</summary>
    private static readonly TimeSpan s_spinLimit = TimeSpan.FromMilliseconds(1);

    /// <summary>Its resolved settings.</summary>
    private readonly AsyncTestSettings _settings;

    /// <summary>Initializes a new instance of the <see cref="ExplorationCommand"/> class.</summary>
    /// <param name="test">The test.</param>
    /// <param name="settings">Its resolved settings.</param>
    public ExplorationCommand(TestMethod test, AsyncTestSettings settings)
        : base(test)
    {
        _test = test;
        _settings = settings;
    }

    /// <inheritdoc/>
    public override TestResult Execute(TestExecutionContext context)
    {
        TestResult result = context.CurrentResult;
        object? nunitInstance = context.TestObject;
        var schedules = new ScheduleRunner(_test, context);
        try
        {
            Type fixture = _test.TypeInfo?.Type ?? _test.Method.MethodInfo.ReflectedType!;
            TrioTestOptions options = TestAdapterSupport.CreateOptions(_test.Method.MethodInfo, _settings, "AsyncTest", TestAdapterSupport.TestName(fixture, _test.Method.MethodInfo, _test.Arguments));

            // NUnit's commands are synchronous: this thread waits while the loop thread runs every schedule.
            TrioTestResult outcome = WaitFor(TrioTestRunner.RunAsync(schedules.RunAsync, options, context.CancellationToken));
            _test.Properties.Set(AsyncTestAttribute.SeedProperty, outcome.Seed.ToString());
            Record(context, outcome);
        }
        catch (Exception e)
        {
            // A malformed TRIOTEST_SEED, an unreadable regression file, or NUnit cancelling the run.
            result.RecordException(e);
        }
        finally
        {
            context.TestObject = nunitInstance;
            if (schedules.FreshInstances)
            {
                // NUnit made this instance before the commands this one replaced; its DisposeFixtureCommand was one of them.
                DisposeUnused(result, nunitInstance);
            }
        }

        return result;
    }

    /// <summary>Records the exploration's outcome in NUnit's result.</summary>
    private static void Record(TestExecutionContext context, TrioTestResult outcome)
    {
        TestResult result = context.CurrentResult;
        if (outcome.Passed)
        {
            // As NUnit's method command: success, unless warnings were recorded along the way.
            result.SetResult(ResultState.Success);
            if (result.AssertionResults.Count > 0)
            {
                result.RecordTestCompletion();
            }

            return;
        }

        Exception failure = outcome.Failure!;
        result.RecordException(failure);
        if (failure is ResultStateException and not (AssertionException or MultipleAssertException))
        {
            // Assert.Ignore, Assert.Inconclusive or Assert.Pass: NUnit's own outcome, which ends the exploration.
            return;
        }

        // NUnit has chosen Failure (an assertion) or Error (any other exception) and the stack; the message is TrioTest's report.
        result.SetResult(result.ResultState, outcome.Report!, result.StackTrace);
        context.OutWriter.Write(TestAdapterSupport.FormatTraceTail(outcome, OutputTraceEvents));
    }

    /// <summary>
    /// Disposes the fixture instance NUnit made and the schedules did not use, on a loop of its own with a virtual clock:
    /// a <c>DisposeAsync</c> that awaits TrioTest (a sleep, a lock) works there as it does in every schedule.
    /// </summary>
    private static void DisposeUnused(TestResult result, object? instance)
    {
        if (instance is not (IAsyncDisposable or IDisposable))
        {
            return;
        }

        try
        {
            Trio.Run(() => TestAdapterSupport.DisposeAsync(instance), new RunOptions { Clock = VirtualClock.CreateAutojumping(), MainTaskName = "dispose" });
        }
        catch (Exception e)
        {
            result.RecordTearDownException(e);
        }
    }

    /// <summary>
    /// Waits for the exploration on the loop thread. Most tests end within a fraction of a millisecond, and a blocked
    /// thread takes tens of microseconds to wake on a loaded machine, as long as a short test itself: this thread first
    /// yields its core in a loop for up to <see cref="s_spinLimit"/>, then blocks.
    /// </summary>
    private static TrioTestResult WaitFor(Task<TrioTestResult> exploration)
    {
        long start = TimeProvider.System.GetTimestamp();
        var spinner = default(SpinWait);
        while (!exploration.IsCompleted && TimeProvider.System.GetElapsedTime(start) < s_spinLimit)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }

        return exploration.GetAwaiter().GetResult();
    }
}
