using System.Text.RegularExpressions;
using FluentAssertions;
using TrioTest.Testing.Tests.Corpus;

namespace TrioTest.Testing.Tests.Tracing;

public sealed class TraceTimelineTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "triotest-timeline-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void ToHtml_CorpusTrace_OneLanePerTaskAndOneMarkPerEvent()
    {
        TrioTestResult result = TrioTestRunner.Run(BugCorpus.Get("three-way ordering").Body, new TrioTestOptions { Iterations = 1000, BaseSeed = 1, GetEnvironmentVariable = _ => null });

        string html = TraceTimeline.ToHtml(result.Trace, "three-way");

        string[] lanes = [.. Regex.Matches(html, "class=\"row lane\" data-task=\"([^\"]*)\"").Select(m => m.Groups[1].Value)];
        lanes.Should().Equal(result.Trace.Select(e => e.Task).Where(t => !t.StartsWith('(')).Distinct());
        lanes.Should().Contain(["main", "main/a", "main/b", "main/c"]);
        Regex.Matches(html, "class=\"mark ").Count.Should().Be(result.Trace.Count(e => !e.Task.StartsWith('(')));
    }

    [Fact]
    public void ToHtml_Deviations_OutlinedAndListed()
    {
        TrioTestResult result = TrioTestRunner.Run(BugCorpus.Get("three-way ordering").Body, new TrioTestOptions { Iterations = 1000, BaseSeed = 1, GetEnvironmentVariable = _ => null });
        ShrunkSchedule shrunk = result.Shrunk!;

        string html = TraceTimeline.ToHtml(shrunk.Trace, "three-way", shrunk.Deviations);

        shrunk.Deviations.Should().NotBeEmpty();
        Regex.Matches(html, "class=\"mark k-step deviation\"").Count.Should().Be(shrunk.Deviations.Count);
        foreach (ScheduleDeviation deviation in shrunk.Deviations)
        {
            html.Should().Contain($"<li>{System.Net.WebUtility.HtmlEncode(deviation.ToString())}</li>");
        }
    }

    [Fact]
    public void ToHtml_AnyTrace_SelfContainedWithTheSourceOnHover()
    {
        TrioTestResult result = TrioTestRunner.Run(BugCorpus.Get("lock-order deadlock").Body, new TrioTestOptions { Iterations = 1000, BaseSeed = 2, GetEnvironmentVariable = _ => null });

        string html = TraceTimeline.ToHtml(result.Trace, "<deadlock & co>");

        html.Should().NotContainAny("http://", "https://", "src=", "href=", "@import");
        html.Should().Contain("<title>&lt;deadlock &amp; co&gt; - TrioTest timeline</title>");
        html.Should().Contain("BugCorpus.cs:", "a mark's hover text names its source location");
        html.Should().Contain("class=\"wait\"", "a wait is drawn as a bar");
    }

    [Fact]
    public void Run_FailingTestWithATimelineDirectory_WritesThePageAndNamesItInTheReport()
    {
        Bug bug = BugCorpus.Get("order violation");

        TrioTestResult result = TrioTestRunner.Run(bug.Body, new TrioTestOptions
        {
            Iterations = 1000,
            BaseSeed = 3,
            TestName = "Corpus.Order violation",
            TimelineDirectory = _directory,
            GetEnvironmentVariable = _ => null,
        });

        string path = Path.Combine(_directory, $"Corpus.Order_violation-{result.Seed}.html");
        result.Report.Should().Contain($"\n  timeline: {path}");
        File.ReadAllText(path).Should().Be(TraceTimeline.ToHtml(result.Shrunk!.Trace, $"Corpus.Order violation: InvalidOperationException ({result.Shrunk.Schedule})", result.Shrunk.Deviations));
    }
}
