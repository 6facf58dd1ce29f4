using System.Reflection;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace TrioTest.Benchmarks.Adapters;

/// <summary>Discovers and runs test cases of this assembly with xunit's own framework, in process, as a runner does.</summary>
public sealed class XunitInProcess : IDisposable
{
    private static readonly Assembly s_assembly = typeof(XunitInProcess).Assembly;

    private readonly XunitTestFramework _framework;

    private readonly ITestFrameworkExecutor _executor;

    public XunitInProcess()
    {
        _framework = new XunitTestFramework(new Sink());
        _executor = _framework.GetExecutor(s_assembly.GetName());
    }

    public ITestCase Discover(Type type, string method)
    {
        var sink = new Sink();
        using ITestFrameworkDiscoverer discoverer = _framework.GetDiscoverer(Reflector.Wrap(s_assembly));
        discoverer.Find(type.FullName!, includeSourceInformation: false, sink, new Options());
        sink.Finished.Wait();
        return sink.TestCases.Single(c => c.TestMethod.Method.Name == method);
    }

    /// <summary>Runs one test case to completion and returns whether it passed.</summary>
    public bool Run(ITestCase testCase)
    {
        var sink = new Sink();
        _executor.RunTests([testCase], sink, new Options());
        sink.Finished.Wait();
        return sink.Passed == 1;
    }

    public void Dispose()
    {
        _executor.Dispose();
        _framework.Dispose();
    }

    private sealed class Sink : LongLivedMarshalByRefObject, IMessageSink
    {
        public ManualResetEventSlim Finished { get; } = new();

        public List<ITestCase> TestCases { get; } = [];

        public int Passed { get; private set; }

        public bool OnMessage(IMessageSinkMessage message)
        {
            switch (message)
            {
                case ITestCaseDiscoveryMessage discovered:
                    TestCases.Add(discovered.TestCase);
                    break;
                case ITestPassed:
                    Passed++;
                    break;
                case IDiscoveryCompleteMessage or ITestAssemblyFinished:
                    Finished.Set();
                    break;
            }

            return true;
        }
    }

    private sealed class Options : LongLivedMarshalByRefObject, ITestFrameworkDiscoveryOptions, ITestFrameworkExecutionOptions
    {
        private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);

        public TValue GetValue<TValue>(string name) => _values.TryGetValue(name, out object? value) ? (TValue)value! : default!;

        public void SetValue<TValue>(string name, TValue value) => _values[name] = value;
    }
}
