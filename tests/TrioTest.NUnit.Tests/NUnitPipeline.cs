using System.Reflection;
using System.Security;
using NUnit;
using NUnit.Framework.Api;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace TrioTest.NUnit.Tests;

/// <summary>The result of one test case run through NUnit.</summary>
public sealed record CaseResult(string Name, string FullName, ResultState State, string Message, string StackTrace, string Output, ITest Test)
{
    /// <summary>Gets the outcome as NUnit names it: Passed, Failed, Failed:Error, Failed:Invalid, Skipped:Ignored, Warning...</summary>
    public string Outcome => State.ToString();
}

/// <summary>
/// Runs fixture classes through NUnit's own framework, in process: the building and execution a runner does
/// (<see cref="NUnitTestAssemblyRunner"/> over the fixtures assembly, with a filter), so the tests check what a user
/// would see (outcomes, messages, output, properties) without calling TrioTest's internals.
/// </summary>
public static class NUnitPipeline
{
    private static readonly Assembly s_fixtures = typeof(TrioTest.NUnit.Tests.Fixtures.Observations).Assembly;

    /// <summary>Runs a fixture class; optionally only the methods named.</summary>
    public static IReadOnlyList<CaseResult> Run(Type fixture, params string[] methods)
    {
        string filter = $"<class>{SecurityElement.Escape(fixture.FullName)}</class>";
        if (methods.Length > 0)
        {
            filter += "<or>" + string.Concat(methods.Select(m => $"<method>{SecurityElement.Escape(m)}</method>")) + "</or>";
        }

        return RunFiltered($"<filter>{filter}</filter>");
    }

    /// <summary>Runs one test method that has a single test and returns its result.</summary>
    public static CaseResult RunOne(Type fixture, string method) => Run(fixture, method).Should().ContainSingle().Subject;

    /// <summary>Runs the tests an NUnit filter selects (XML, as runners pass it).</summary>
    public static IReadOnlyList<CaseResult> RunFiltered(string filterXml, ITestAssemblyBuilder? builder = null)
    {
        var runner = new NUnitTestAssemblyRunner(builder ?? new DefaultTestAssemblyBuilder());
        var settings = new Dictionary<string, object> { [FrameworkPackageSettings.NumberOfTestWorkers] = 0 };

        // A thread of its own: the nested run sets NUnit's ambient context and console capture, which must not leak into this test.
        ITestResult result = Task.Factory.StartNew(
            () =>
            {
                runner.Load(s_fixtures, settings);
                return runner.Run(new NullListener(), TestFilter.FromXml(filterXml));
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default).GetAwaiter().GetResult();
        var cases = new List<CaseResult>();
        Collect(result, cases);
        return cases;
    }

    private static void Collect(ITestResult result, List<CaseResult> cases)
    {
        if (!result.Test.IsSuite)
        {
            cases.Add(new CaseResult(result.Test.Name, result.FullName, result.ResultState, result.Message ?? string.Empty, result.StackTrace ?? string.Empty, result.Output, result.Test));
            return;
        }

        foreach (ITestResult child in result.Children)
        {
            Collect(child, cases);
        }
    }

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
