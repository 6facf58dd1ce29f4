using System.Xml.Linq;

namespace TrioTest.Adapters.Tests;

/// <summary>One test result of a TRX report.</summary>
/// <param name="Name">The test's name as the framework reports it (a data row's arguments included).</param>
/// <param name="Outcome">Passed, Failed, NotExecuted...</param>
/// <param name="Message">The error message, or empty.</param>
/// <param name="Output">The captured standard output and the test's output messages, or empty.</param>
public sealed record TrxResult(string Name, string Outcome, string Message, string Output)
{
    /// <summary>Reads the results of a TRX file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The results.</returns>
    public static IReadOnlyList<TrxResult> Read(string path)
    {
        XNamespace ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
        return
        [
            .. XDocument.Load(path).Descendants(ns + "UnitTestResult").Select(result => new TrxResult(
                (string)result.Attribute("testName")!,
                (string?)result.Attribute("outcome") ?? string.Empty,
                result.Descendants(ns + "ErrorInfo").Elements(ns + "Message").FirstOrDefault()?.Value ?? string.Empty,
                string.Join("\n", result.Descendants(ns + "StdOut").Select(static e => e.Value)
                    .Concat(result.Descendants(ns + "TextMessages").Elements(ns + "Message").Select(static e => e.Value))))),
        ];
    }
}
