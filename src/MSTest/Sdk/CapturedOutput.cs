using System.Reflection;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace TrioTest.MSTest.Sdk;

/// <summary>
/// Takes the console and <see cref="TestContext"/> output MSTest captured while the schedules ran, for the result.
/// MSTest fills a result's output only inside its own method invocation, which the adapter replaces, and keeps the
/// accessors internal; they are read by name, and if a future MSTest renames them the output is left out, never the test.
/// </summary>
internal static class CapturedOutput
{
    /// <summary>Fills <paramref name="result"/>'s output, error and trace from <paramref name="context"/>, then appends <paramref name="extra"/> to the output.</summary>
    /// <param name="result">The result.</param>
    /// <param name="context">MSTest's context of the test, or <see langword="null"/>.</param>
    /// <param name="extra">Text for the end of the output (the trace tail of a failure), or empty.</param>
    public static void Fill(TestResult result, TestContext? context, string extra)
    {
        result.LogOutput = Take(context, "GetAndClearOutput") + extra;
        result.LogError = Take(context, "GetAndClearError");
        result.DebugTrace = Take(context, "GetAndClearTrace");
    }

    /// <summary>Calls MSTest's internal parameterless string method <paramref name="name"/> on the context, if it has one.</summary>
    private static string? Take(TestContext? context, string name) =>
        context?.GetType().GetMethod(name, BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public, Type.EmptyTypes) is { } method
            && method.ReturnType == typeof(string)
            ? (string?)method.Invoke(context, null)
            : null;
}
