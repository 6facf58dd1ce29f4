using System.Diagnostics;
using System.Text.RegularExpressions;
using FluentAssertions;
using TrioTest.Testing.Tests.Corpus;

namespace TrioTest.Testing.Tests.Tracing;

/// <summary>
/// The timeline of a corpus failure, opened in a real headless Chromium: it loads with no console message (an error, an
/// uncaught exception), its script runs to the end, and its DOM holds one lane per task of the trace. Never skipped: on
/// a machine without Chromium the tests fail and say how to install it (.ci/run installs it).
/// </summary>
public sealed class TimelineChromiumTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "triotest-chromium-" + Guid.NewGuid().ToString("N"));

    public TimelineChromiumTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Timeline_CorpusFailure_LoadsWithNoConsoleMessageAndOneLanePerTask()
    {
        TrioTestResult result = TrioTestRunner.Run(BugCorpus.Get("three-way ordering").Body, new TrioTestOptions
        {
            Iterations = 1000,
            BaseSeed = 1,
            TestName = "Corpus.ThreeWay",
            TimelineDirectory = _directory,
            GetEnvironmentVariable = _ => null,
        });
        string page = Regex.Match(result.Report!, "\n  timeline: (.*)").Groups[1].Value;
        string[] tasks = [.. result.Shrunk!.Trace.Select(e => e.Task).Where(t => !t.StartsWith('(')).Distinct()];

        (string dom, string[] console) = Open(page);
        string screenshot = Screenshot(page);

        console.Should().BeEmpty("the timeline must load with no console message in Chromium");
        dom.Should().Contain("data-ready=\"true\"", "the page's script must run to its end");
        dom.Should().Contain($"data-lanes=\"{tasks.Length}\"");
        Regex.Matches(dom, "class=\"row lane\" data-task=\"([^\"]*)\"").Select(m => m.Groups[1].Value).Should().Equal(tasks, "one lane per task of the trace, in order of appearance");
        new FileInfo(screenshot).Length.Should().BeGreaterThan(1000, "Chromium must draw the page");
    }

    [Fact]
    public void Open_PageWithAConsoleError_ReportsIt()
    {
        string page = Path.Combine(_directory, "broken.html");
        File.WriteAllText(page, "<!DOCTYPE html><html><body><script>console.error('deliberate'); notDefined();</script></body></html>");

        (_, string[] console) = Open(page);

        console.Should().HaveCount(2, "the check must see a console error and an uncaught exception, or a clean timeline proves nothing");
        console[1].Should().Contain("Uncaught ReferenceError");
    }

    /// <summary>Loads a page in headless Chromium: its DOM after the scripts ran, and the console messages Chromium logged.</summary>
    private (string Dom, string[] Console) Open(string page)
    {
        (string output, string error) = RunChromium("--dump-dom", new Uri(page).AbsoluteUri);
        string[] console = [.. error.Split('\n').Where(line => line.Contains(":CONSOLE", StringComparison.Ordinal))];
        return (output, console);
    }

    /// <summary>Takes a screenshot of a page, and returns the PNG's path.</summary>
    private string Screenshot(string page)
    {
        string png = Path.Combine(_directory, "timeline.png");
        RunChromium($"--screenshot={png}", "--window-size=1400,700", new Uri(page).AbsoluteUri);
        File.Exists(png).Should().BeTrue("Chromium must write the screenshot");
        return png;
    }

    private (string Output, string Error) RunChromium(params string[] arguments)
    {
        string chromium = FindChromium();
        var start = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string flag in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--enable-logging=stderr", "--v=0",
            "--user-data-dir=" + Path.Combine(_directory, "profile-" + Guid.NewGuid().ToString("N")),
        })
        {
            start.ArgumentList.Add(flag);
        }

        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        bool exited = process.WaitForExit(TimeSpan.FromSeconds(120));
        if (!exited)
        {
            process.Kill(entireProcessTree: true);
        }

        exited.Should().BeTrue("headless Chromium must finish within two minutes");
        process.ExitCode.Should().Be(0, error.Result);
        return (output.Result, error.Result);
    }

    private static string FindChromium()
    {
        string? found = new[] { "chromium", "chromium-browser" }
            .SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Select(folder => Path.Combine(folder, name)))
            .FirstOrDefault(File.Exists);
        found.Should().NotBeNull(
            "TimelineChromiumTests open the timeline in headless Chromium, which is not installed here. Install Debian's package: apt-get update && apt-get install -y chromium (.ci/run does)");
        return found!;
    }
}
