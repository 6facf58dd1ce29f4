using TrioTest.Testing;

namespace TrioTest.Libraries.Tests;

/// <summary>Runs a body that leaves the loop, strict, with one seed, many times, and checks that every run gives one report.</summary>
internal static class LeavingTheLoop
{
    /// <summary>How many runs of the seed must agree.</summary>
    public const int Runs = 100;

    /// <summary>Runs <paramref name="body"/> <see cref="Runs"/> times with seed 42 and returns the one report they all gave.</summary>
    public static (string Report, EscapeException Failure) ReportOf(Func<Task> body)
    {
        var reports = new HashSet<string>();
        EscapeException? failure = null;
        for (int run = 0; run < Runs; run++)
        {
            TrioTestResult result = TrioTestRunner.Run(body, new TrioTestOptions { Seed = 42, GetEnvironmentVariable = _ => null });
            Assert.False(result.Passed, "the body must leave the loop and fail in strict mode");
            failure = Assert.IsType<EscapeException>(result.Failure);
            reports.Add(result.Report!);
        }

        Assert.True(reports.Count == 1, $"{reports.Count} different reports for one seed:\n" + string.Join("\n=====\n", reports));
        Assert.Equal(EscapeKind.Departure, failure!.Escape.Kind);
        return (reports.Single(), failure);
    }
}
