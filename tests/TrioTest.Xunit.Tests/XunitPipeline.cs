using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace TrioTest.Xunit.Tests;

/// <summary>The result of one test case run through xunit.</summary>
public sealed record CaseResult(string DisplayName, string Outcome, string Message, string Output, string ExceptionType);

/// <summary>
/// Runs fixture classes through xunit's own framework, in process: the discovery and execution a runner does, so the
/// tests check what a user would see (pass, fail, skip, messages, output) without calling TrioTest's internals.
/// </summary>
public static class XunitPipeline
{
    private static readonly Assembly s_fixtures = typeof(TrioTest.Xunit.Tests.Fixtures.Observations).Assembly;

    /// <summary>Discovers the test cases of a fixture class.</summary>
    public static IReadOnlyList<ITestCase> Discover(Type fixture)
    {
        var sink = new Sink();
        using var framework = new XunitTestFramework(sink);
        using ITestFrameworkDiscoverer discoverer = framework.GetDiscoverer(Reflector.Wrap(s_fixtures));
        discoverer.Find(fixture.FullName!, includeSourceInformation: false, sink, new Options());
        sink.Finished.Wait(TimeSpan.FromMinutes(1)).Should().BeTrue("discovery must finish");
        return [.. sink.TestCases];
    }

    /// <summary>Discovers and runs a fixture class; optionally only the methods named.</summary>
    public static IReadOnlyList<CaseResult> Run(Type fixture, params string[] methods)
    {
        IEnumerable<ITestCase> cases = Discover(fixture);
        if (methods.Length > 0)
        {
            cases = cases.Where(c => methods.Contains(c.TestMethod.Method.Name));
        }

        return Run([.. cases]);
    }

    /// <summary>Runs test cases and collects one result per test.</summary>
    public static IReadOnlyList<CaseResult> Run(IReadOnlyList<ITestCase> testCases)
    {
        var sink = new Sink();
        using var framework = new XunitTestFramework(sink);
        using ITestFrameworkExecutor executor = framework.GetExecutor(s_fixtures.GetName());
        executor.RunTests(testCases, sink, new Options());
        sink.Finished.Wait(TimeSpan.FromMinutes(2)).Should().BeTrue("execution must finish");
        return [.. sink.Results];
    }

    /// <summary>Runs one test case and returns its single result.</summary>
    public static CaseResult RunOne(Type fixture, string method) => Run(fixture, method).Should().ContainSingle().Subject;

    private sealed class Sink : LongLivedMarshalByRefObject, IMessageSink
    {
        public ManualResetEventSlim Finished { get; } = new();

        public List<ITestCase> TestCases { get; } = [];

        public List<CaseResult> Results { get; } = [];

        public bool OnMessage(IMessageSinkMessage message)
        {
            lock (this)
            {
                switch (message)
                {
                    case ITestCaseDiscoveryMessage discovered:
                        TestCases.Add(discovered.TestCase);
                        break;
                    case ITestPassed passed:
                        Results.Add(new CaseResult(passed.Test.DisplayName, "passed", string.Empty, passed.Output, string.Empty));
                        break;
                    case ITestFailed failed:
                        Results.Add(new CaseResult(failed.Test.DisplayName, "failed", string.Join("\n---- ", failed.Messages), failed.Output, string.Join(" | ", failed.ExceptionTypes)));
                        break;
                    case ITestSkipped skipped:
                        Results.Add(new CaseResult(skipped.Test.DisplayName, "skipped", skipped.Reason, string.Empty, string.Empty));
                        break;
                    case IDiscoveryCompleteMessage:
                    case ITestAssemblyFinished:
                        Finished.Set();
                        break;
                }
            }

            return true;
        }
    }

    private sealed class Options : ITestFrameworkDiscoveryOptions, ITestFrameworkExecutionOptions
    {
        private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);

        public TValue GetValue<TValue>(string name) => _values.TryGetValue(name, out object? value) ? (TValue)value! : default!;

        public void SetValue<TValue>(string name, TValue value) => _values[name] = value;
    }
}
