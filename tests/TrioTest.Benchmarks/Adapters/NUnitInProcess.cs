using System.Security;
using NUnit;
using NUnit.Framework.Api;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace TrioTest.Benchmarks.Adapters;

/// <summary>Loads this assembly into NUnit's own assembly runner once, then runs single tests through it, as a runner does.</summary>
/// <remarks>
/// Events go to the listener synchronously. With NUnit's default, each run starts an event-pump thread and stops it at the
/// end; that cost about 400 us a run here, which a real run pays once, not per test. Its queue also loses a wake-up now
/// and then (the pump resets its event after a stop has set it, then waits 500 ms), which made some iterations of the
/// adapter benchmark half a second per stall slower, plain [Test]s and [AsyncTest]s alike: 8 and 16 stalls in 20,000
/// runs of each in a scratch loop, none with synchronous events.
/// </remarks>
public sealed class NUnitInProcess
{
    private readonly NUnitTestAssemblyRunner _runner = new(new DefaultTestAssemblyBuilder());

    public NUnitInProcess() =>
        _runner.Load(typeof(NUnitInProcess).Assembly, new Dictionary<string, object> { [FrameworkPackageSettings.NumberOfTestWorkers] = 0, [FrameworkPackageSettings.SynchronousEvents] = true });

    /// <summary>Gets a filter that selects one method of a class.</summary>
    public static TestFilter Filter(Type type, string method) =>
        TestFilter.FromXml($"<filter><class>{SecurityElement.Escape(type.FullName)}</class><method>{SecurityElement.Escape(method)}</method></filter>");

    /// <summary>Runs the selected test and returns whether it passed.</summary>
    public bool Run(TestFilter filter) => _runner.Run(new NullListener(), filter).ResultState.Status == TestStatus.Passed;

    private sealed class NullListener : ITestListener
    {
        public void TestStarted(ITest test)
        {
        }

        public void TestFinished(ITestResult result)
        {
        }

        public void TestOutput(TestOutput output)
        {
        }

        public void SendMessage(TestMessage message)
        {
        }
    }
}
