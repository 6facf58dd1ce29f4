using System.Security.Cryptography;
using System.Text;
using FluentAssertions;

namespace TrioTest.Testing.Tests.Tracing;

/// <summary>A recorder keeps a window of the latest events, and its hash still covers the whole run.</summary>
public class TraceWindowTests
{
    private static CheckpointTrace Record(int window, int checkpoints, ulong seed = 7)
    {
        var recorder = new TraceRecorder(window);
        RunOptions options = VirtualRun.Options(seed, new RandomStrategy());
        options.Instruments.Add(recorder);
        Trio.Run(() => Nursery.RunAsync(nursery =>
        {
            foreach (string name in new[] { "a", "b" })
            {
                nursery.StartSoon(async () =>
                {
                    for (int i = 0; i < checkpoints; i++)
                    {
                        await Trio.CheckpointAsync($"{name}{i}");
                    }
                }, name);
            }

            return Task.CompletedTask;
        }), options);
        return recorder.GetTrace();
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void GetTrace_RunLongerThanTheWindow_KeepsTheLatestEventsAndCountsTheRest()
    {
        CheckpointTrace whole = Record(window: 1_000_000, checkpoints: 50);

        CheckpointTrace window = Record(window: 20, checkpoints: 50);

        window.Count.Should().Be(20);
        window.DroppedCount.Should().Be(whole.Count - 20);
        window.Should().Equal(whole.Skip(whole.Count - 20));
        whole.DroppedCount.Should().Be(0);
    }

    [Fact]
    public void CanonicalText_DroppedEvents_OpenWithTheirCountAndTheHashOfTheirLines()
    {
        CheckpointTrace whole = Record(window: 1_000_000, checkpoints: 50);
        string[] lines = whole.ToCanonicalText().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        int dropped = lines.Length - 20;
        string droppedText = string.Concat(lines.Take(dropped).Select(static line => line + "\n"));

        CheckpointTrace window = Record(window: 20, checkpoints: 50);

        string expected = $"(dropped {dropped} earlier events, sha256 {Sha256(droppedText)})\n"
            + string.Concat(lines.Skip(dropped).Select(static line => line + "\n"));
        window.ToCanonicalText().Should().Be(expected);
        window.Hash.Should().Be(Sha256(expected));
    }

    [Fact]
    public void Hash_RunsThatDifferOnlyInDroppedEvents_Differ()
    {
        // Two seeds interleave a and b differently early on; the window of the last two events (both exits) is the same shape.
        CheckpointTrace first = Record(window: 2, checkpoints: 30, seed: 1);
        CheckpointTrace second = Enumerable.Range(2, 50).Select(seed => Record(window: 2, checkpoints: 30, seed: (ulong)seed))
            .First(trace => trace.Hash != first.Hash);

        second.DroppedCount.Should().Be(first.DroppedCount);
        second.Hash.Should().NotBe(first.Hash);
    }

    [Fact]
    public void Hash_SameSeedWithAWindow_IsTheSameEveryRun()
    {
        string[] hashes = [.. Enumerable.Range(0, 5).Select(_ => Record(window: 16, checkpoints: 40).Hash)];

        hashes.Distinct().Should().ContainSingle();
    }

    [Fact]
    public void AssertContains_PointOnlyInDroppedEvents_SaysTheTraceWasCutAndHowToKeepMore()
    {
        CheckpointTrace window = Record(window: 20, checkpoints: 50);

        Action act = () => window.AssertContains("a:a0");

        act.Should().Throw<TraceAssertionException>().WithMessage("*earlier ones were dropped (raise TrioTestOptions.TraceWindow*");
    }

    [Fact]
    public void Clear_AfterAWrappedWindow_StartsAFreshTrace()
    {
        var recorder = new TraceRecorder(4);
        RunOptions options = VirtualRun.Options();
        options.Instruments.Add(recorder);
        Trio.Run(async () =>
        {
            for (int i = 0; i < 10; i++)
            {
                await Trio.CheckpointAsync();
            }
        }, options);

        recorder.Clear();

        recorder.Count.Should().Be(0);
        recorder.TotalCount.Should().Be(0);
        recorder.GetTrace().DroppedCount.Should().Be(0);
        recorder.GetTrace().ToCanonicalText().Should().BeEmpty();
    }

    [Fact]
    public void Constructor_WindowBelowOne_Throws()
    {
        Action act = () => _ = new TraceRecorder(0);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Constructor_DefaultWindow_AllocatesAFewKilobytesNotTheWindow()
    {
        // Every test gets a recorder of its own: a recorder that starts with room for hundreds of events made most of what
        // a one-schedule test allocated.
        _ = new TraceRecorder();
        long before = GC.GetAllocatedBytesForCurrentThread();

        _ = new TraceRecorder();

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(8 * 1024);
    }

    [Theory]
    [InlineData(100, 45)]
    [InlineData(100, 200)]
    [InlineData(1_000, 400)]
    public void GetTrace_RingGrowsThenWraps_MatchesARecorderThatNeverWrapped(int window, int checkpoints)
    {
        CheckpointTrace whole = Record(window: 1_000_000, checkpoints);

        CheckpointTrace windowed = Record(window, checkpoints);

        windowed.Count.Should().Be(Math.Min(window, whole.Count));
        windowed.DroppedCount.Should().Be(whole.Count - windowed.Count);
        windowed.Should().Equal(whole.Skip(whole.Count - windowed.Count));
    }
}
