using System.Text.Json;
using FluentAssertions;

namespace TrioTest.Testing.Tests.Tracing;

public class CheckpointTraceTests
{
    [Fact]
    public void CanonicalText_SameSeed_IsByteIdentical()
    {
        string first = RunWorkers(seed: 99).ToCanonicalText();

        string second = RunWorkers(seed: 99).ToCanonicalText();

        second.Should().Be(first);
        first.Should().Contain(" main/w0 checkpoint \"work\" CheckpointTraceTests.cs\n");
    }

    [Fact]
    public void CanonicalText_LeavesLineNumbersOut_WhileTheReportTableKeepsThem()
    {
        CheckpointTrace trace = Record(async () => await Trio.CheckpointAsync("here"));

        TraceEvent here = trace.Single(e => e.Label == "here");
        here.Source.Should().MatchRegex(@"^CheckpointTraceTests\.cs:\d+$");
        here.CanonicalSource.Should().Be("CheckpointTraceTests.cs");
        trace.ToCanonicalText().Should().Contain("checkpoint \"here\" CheckpointTraceTests.cs\n");
        CheckpointTrace.FormatTable(trace).Should().Contain("checkpoint \"here\"   " + here.Source);
    }

    [Fact]
    public void Hash_ACheckpointThatOnlyMovesLines_KeepsTheHash()
    {
        string before = Record(async () => await Trio.CheckpointAsync("moved")).Hash;

        string after = Record(async () =>

            // The same body, a few lines further down.

            await Trio.CheckpointAsync("moved")).Hash;

        after.Should().Be(before);
    }

    [Fact]
    public void Source_CheckpointPassedByTrioTestsOwnCode_NamesTheTestsLine()
    {
        var handler = new VirtualHttpHandler();
        handler.MapGet("/quote").Respond("9.50", latency: TimeSpan.FromMilliseconds(80));

        CheckpointTrace trace = Record(async () =>
        {
            using var client = new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri("http://shop.test") };
            await client.GetStringAsync("/quote");
        });

        TraceEvent wait = trace.Single(e => e.Label == "GET /quote");
        wait.Source.Should().MatchRegex(@"^CheckpointTraceTests\.cs:\d+$", "the test's line, not the handler's");
        wait.CanonicalSource.Should().Be("VirtualHttpHandler.cs", "the hash keeps the compile-time caller, which inlining cannot move");
    }

    [Fact]
    public void Hash_DifferentSeeds_TellSchedulesApart()
    {
        string[] hashes = [.. Enumerable.Range(1, 8).Select(seed => RunWorkers((ulong)seed).Hash)];

        hashes.Distinct().Should().HaveCountGreaterThan(1);
        hashes.Should().AllSatisfy(hash => hash.Should().MatchRegex("^[0-9a-f]{64}$"));
    }

    [Fact]
    public void Trace_RecordsSpawnStepCheckpointWaitWakeCancelExitNoteAndJump()
    {
        CheckpointTrace trace = Record(async () =>
        {
            var ready = new Event("ready");
            await Nursery.RunAsync(nursery =>
            {
                nursery.StartSoon(() => ready.WaitAsync().AsTask(), "waiter");
                nursery.StartSoon(async () =>
                {
                    Trio.Note("about to set");
                    await Trio.SleepAsync(TimeSpan.FromSeconds(2));
                    ready.Set();
                }, "setter");
                return Task.CompletedTask;
            });
            await Trio.MoveOnAfterAsync(TimeSpan.FromSeconds(1), () => Trio.SleepForeverAsync().AsTask());
            await Trio.CheckpointAsync("done");
        });

        trace.Select(e => e.Kind).Distinct().Should().BeEquivalentTo(Enum.GetValues<TraceEventKind>().Except([TraceEventKind.Escape]));
        trace.Should().Contain(e => e.Kind == TraceEventKind.Wake && e.Task == "main/waiter" && e.Label == "Event \"ready\"");
        trace.Should().Contain(e => e.Kind == TraceEventKind.Jump && e.Time == TimeSpan.FromSeconds(2));
        trace.Should().Contain(e => e.Kind == TraceEventKind.Cancel && e.Task == "main" && e.Label!.Contains("deadline"));
    }

    [Fact]
    public void Note_DoesNotYield()
    {
        long before = 0;
        long after = -1;

        CheckpointTrace trace = Record(() =>
        {
            before = Trio.CurrentTask.SchedulePoints;
            Trio.Note("marked");
            after = Trio.CurrentTask.SchedulePoints;
            return Task.CompletedTask;
        });

        after.Should().Be(before);
        trace.AssertContains("main:marked");
    }

    [Fact]
    public void AssertBefore_OrderHolds_Passes_AndReversed_FailsQuotingTheEvents()
    {
        CheckpointTrace trace = Record(async () =>
        {
            await Trio.CheckpointAsync("connect");
            await Trio.CheckpointAsync("send");
        });

        trace.AssertBefore("main:connect", "main:send");
        Action reversed = () => trace.AssertBefore("send", "connect");

        reversed.Should().Throw<TraceAssertionException>()
            .WithMessage("Expected \"send\" before \"connect\", but \"connect\" came first*checkpoint \"connect\"*");
    }

    [Fact]
    public void AssertContains_MissingPoint_ListsThePointsThatExist()
    {
        CheckpointTrace trace = Record(() => Trio.CheckpointAsync("connect").AsTask());

        Action check = () => trace.AssertContains("main:conect");

        check.Should().Throw<TraceAssertionException>().WithMessage("*\"main:conect\"*does not occur*main:connect*");
    }

    [Fact]
    public void AssertCount_CountsOccurrences()
    {
        CheckpointTrace trace = Record(async () =>
        {
            for (int i = 0; i < 3; i++)
            {
                await Trio.CheckpointAsync("retry");
            }
        });

        trace.AssertCount("retry", 3);
        Action wrong = () => trace.AssertCount("retry", 2);

        wrong.Should().Throw<TraceAssertionException>().WithMessage("Expected \"retry\" twice in the trace, but it occurs 3 times.");
    }

    [Fact]
    public void AssertNoStepBetween_OtherTaskRanInTheSection_FailsNamingTheStep()
    {
        CheckpointTrace trace = Record(() => Nursery.RunAsync(nursery =>
        {
            nursery.StartSoon(async () =>
            {
                await Trio.CheckpointAsync("debit");
                await Trio.CheckpointAsync("credit");
            }, "a");
            nursery.StartSoon(async () =>
            {
                await Trio.CheckpointAsync("audit");
            }, "b");
            return Task.CompletedTask;
        }));

        Action check = () => trace.AssertNoStepBetween("b", "a:debit", "a:credit");

        check.Should().Throw<TraceAssertionException>().WithMessage("Expected no step of b between \"a:debit\"*but main/b ran at step*");
        trace.AssertNoStepBetween("main", "a:debit", "a:credit");
    }

    [Fact]
    public void Should_FluentAssertions_ShareTheChecksAndKeepTheReason()
    {
        CheckpointTrace trace = Record(async () =>
        {
            await Trio.CheckpointAsync("connect");
            await Trio.CheckpointAsync("send {payload}");
        });

        trace.Should().HaveOrder("connect", "send {payload}").And.HaveCount("connect", 1).And.ContainPoint("main:connect");
        Action check = () => trace.Should().HavePointBefore("send {payload}", "connect", "the handshake comes first");

        check.Should().Throw<Exception>().WithMessage("Trace assertion failed because the handshake comes first: Expected \"send {payload}\" before*");
    }

    [Fact]
    public void ChromeTrace_IsValidJsonWithATrackPerTask()
    {
        CheckpointTrace trace = RunWorkers(seed: 3);

        using JsonDocument json = JsonDocument.Parse(trace.ToChromeTraceJson());

        JsonElement[] events = [.. json.RootElement.GetProperty("traceEvents").EnumerateArray()];
        string[] tracks = [.. events.Where(e => e.GetProperty("ph").GetString() == "M").Select(e => e.GetProperty("args").GetProperty("name").GetString()!)];
        tracks.Should().Equal("main", "main/w0", "main/w1", "main/w2");
        events.Count(e => e.GetProperty("ph").GetString() == "X").Should().Be(trace.Count(e => e.Kind == TraceEventKind.Step));
    }

    [Fact]
    public void FormatTable_AlignsColumns()
    {
        CheckpointTrace trace = Record(() => Trio.CheckpointAsync("x").AsTask());

        string table = CheckpointTrace.FormatTable(trace.Tail(2), "  ");

        string[] lines = table.TrimEnd('\n').Split('\n');
        lines.Should().HaveCount(3);
        lines[0].Should().StartWith("  step  time          task              event");
        lines.Skip(1).Should().AllSatisfy(line => line.IndexOf("main", StringComparison.Ordinal).Should().Be(lines[0].IndexOf("task", StringComparison.Ordinal)));
    }

    private static CheckpointTrace RunWorkers(ulong seed) => Record(() => Nursery.RunAsync(nursery =>
    {
        for (int i = 0; i < 3; i++)
        {
            nursery.StartSoon(async () =>
            {
                for (int j = 0; j < 4; j++)
                {
                    await Trio.CheckpointAsync("work");
                }
            }, $"w{i}");
        }

        return Task.CompletedTask;
    }), seed);

    private static CheckpointTrace Record(Func<Task> body, ulong seed = 1)
    {
        var recorder = new TraceRecorder();
        var options = new RunOptions { Clock = VirtualClock.CreateAutojumping(), Seed = seed, Strategy = new RandomStrategy() };
        options.Instruments.Add(recorder);
        Trio.Run(body, options);
        return recorder.GetTrace();
    }
}
