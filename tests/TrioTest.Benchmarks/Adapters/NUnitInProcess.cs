using System.Security;
using NUnit;
using NUnit.Framework.Api;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace TrioTest.Benchmarks.Adapters;

/// <summary>Loads this assembly into NUnit's own assembly runner once, then runs single tests through it, as a runner does.</summary>
public sealed class NUnitInProcess
{
    private readonly NUnitTestAssemblyRunner _runner = new(new DefaultTestAssemblyBuilder());

    public NUnitInProcess() =>
        _runner.Load(typeof(NUnitInProcess).Assembly, new Dictionary<string, object> { [FrameworkPackageSettings.NumberOfTestWorkers] = 0 });

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
