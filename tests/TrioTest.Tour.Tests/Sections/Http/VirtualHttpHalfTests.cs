using FluentAssertions;
using TrioTest.Testing;
using TrioTest.Tour.Sections.Http;

namespace TrioTest.Tour.Tests.Sections.Http;

public class VirtualHttpHalfTests
{
    private static readonly TimeSpan[] s_delays = [.. Page.Twelve.Select(static p => p.Delay)];

    [Fact]
    public void Twelve_DelaysAreTenToOneHundredTwentyMilliseconds()
    {
        s_delays.Order().Should().Equal(Enumerable.Range(1, 12).Select(static i => TimeSpan.FromMilliseconds(10 * i)));
        Page.Twelve.Select(static p => p.Path).Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [MemberData(nameof(Seeds.Several), MemberType = typeof(Seeds))]
    public void RunVirtual_OneByOne_TakesExactlyTheSumOfTheLatencies(ulong seed)
    {
        (HttpHalf half, _) = HttpSection.RunVirtual(Page.Twelve, seed);

        half.OneByOne.Total.Should().Be(TimeSpan.FromMilliseconds(780));
        half.OneByOne.Latencies.Should().Equal(s_delays);
    }

    [Theory]
    [MemberData(nameof(Seeds.Several), MemberType = typeof(Seeds))]
    public void RunVirtual_Concurrently_TakesExactlyTheLargestLatency(ulong seed)
    {
        (HttpHalf half, _) = HttpSection.RunVirtual(Page.Twelve, seed);

        half.Concurrently.Total.Should().Be(TimeSpan.FromMilliseconds(120));
        half.Concurrently.Latencies.Should().Equal(s_delays);
        half.Speedup.Should().Be(6.5);
    }

    [Fact]
    public void RunVirtual_Trace_AllTwelveWaitAtOnceThenFinishInOrderOfDelay()
    {
        (_, Running.TourRunResult run) = HttpSection.RunVirtual(Page.Twelve, TourArguments.DefaultSeed);

        TraceEvent[] concurrent = [.. run.Trace.SkipWhile(static e => !(e.Kind == TraceEventKind.Spawn && e.TaskName.StartsWith("fetch", StringComparison.Ordinal)))];
        concurrent.Where(static e => e.Kind == TraceEventKind.Wait && e.TaskName.StartsWith("fetch", StringComparison.Ordinal))
            .Should().HaveCount(12).And.OnlyContain(static e => e.Time == TimeSpan.FromMilliseconds(780), "every request is sent before the first answer");
        concurrent.Where(static e => e.Kind == TraceEventKind.Exit && e.TaskName.StartsWith("fetch", StringComparison.Ordinal))
            .Select(static e => (e.TaskName, e.Time - TimeSpan.FromMilliseconds(780)))
            .Should().Equal(Page.Twelve.OrderBy(static p => p.Delay).Select(static p => ($"fetch{p.Number}", p.Delay)));
    }

    [Fact]
    public void RunVirtual_SameSeed_SameTrace()
    {
        (_, Running.TourRunResult first) = HttpSection.RunVirtual(Page.Twelve, 7);

        (_, Running.TourRunResult again) = HttpSection.RunVirtual(Page.Twelve, 7);

        again.Trace.Hash.Should().Be(first.Trace.Hash);
    }

    [Fact]
    public void RunVirtual_OtherPages_TotalsFollowTheirDelays()
    {
        Page[] pages = [new(1, TimeSpan.FromSeconds(3)), new(2, TimeSpan.FromSeconds(1)), new(3, TimeSpan.FromSeconds(2))];

        (HttpHalf half, _) = HttpSection.RunVirtual(pages, 0);

        half.OneByOne.Total.Should().Be(TimeSpan.FromSeconds(6));
        half.Concurrently.Total.Should().Be(TimeSpan.FromSeconds(3));
    }
}
