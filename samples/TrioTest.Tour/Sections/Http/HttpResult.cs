using System.Globalization;
using System.Text;
using TrioTest.Testing;
using TrioTest.Tour.Running;

namespace TrioTest.Tour.Sections.Http;

/// <summary>The HTTP section's two halves.</summary>
/// <param name="Pages">The pages.</param>
/// <param name="Real">The real half.</param>
/// <param name="Virtual">The virtual half.</param>
/// <param name="VirtualRun">The virtual half's run, with its trace.</param>
internal sealed record HttpResult(IReadOnlyList<Page> Pages, RealHttpRun Real, HttpHalf Virtual, TourRunResult VirtualRun) : SectionResult
{
    /// <summary>The least speedup the real half must show: well under the ideal 6.5x, so a loaded machine still clears it.</summary>
    public const double MinimumRealSpeedup = 2;

    /// <inheritdoc/>
    public override CheckpointTrace Trace => VirtualRun.Trace;

    /// <summary>Gets the sum of the pages' delays.</summary>
    public TimeSpan SumOfDelays => Pages.Aggregate(TimeSpan.Zero, static (sum, p) => sum + p.Delay);

    /// <summary>Gets the largest of the pages' delays.</summary>
    public TimeSpan LargestDelay => Pages.Max(static p => p.Delay);

    /// <inheritdoc/>
    public override IReadOnlyList<Claim> Claims =>
    [
        new($"a real server answered on 127.0.0.1 at an ephemeral port ({Real.ServerAddress.Port})", Real.ServerAddress.Host == "127.0.0.1" && Real.ServerAddress.Port > 0),
        new($"for real, fetching concurrently was more than {MinimumRealSpeedup:F0}x faster ({Format.Ratio(Real.Half.Speedup)})", Real.Half.Speedup > MinimumRealSpeedup),
        new($"in virtual time, one by one took exactly the sum of the latencies ({Format.Milliseconds(SumOfDelays)})", Virtual.OneByOne.Total == SumOfDelays),
        new($"in virtual time, concurrently took exactly the largest latency ({Format.Milliseconds(LargestDelay)})", Virtual.Concurrently.Total == LargestDelay),
        new("in virtual time, every page took exactly its delay, both ways",
            Virtual.OneByOne.Latencies.SequenceEqual(Pages.Select(static p => p.Delay)) && Virtual.Concurrently.Latencies.SequenceEqual(Pages.Select(static p => p.Delay))),
    ];

    /// <summary>Gets the virtual trace from the start of the concurrent fetch: the spawn of the first fetch child.</summary>
    public IEnumerable<TraceEvent> ConcurrentPart => Trace.SkipWhile(static e => !(e.Kind == TraceEventKind.Spawn && e.Task.StartsWith("main/fetch", StringComparison.Ordinal)));

    /// <inheritdoc/>
    public override void Print(TextWriter output)
    {
        output.WriteLine("Twelve pages, delays 10 to 120 ms, fetched one by one and then concurrently in a nursery. For real: Kestrel");
        output.WriteLine($"(started in {Format.Milliseconds(Real.ServerStartTime)}) serving on {Real.ServerAddress}, HttpClient over loopback, on the system clock.");
        output.WriteLine("Virtually: the same fetch code through VirtualHttpHandler with the same delays, on a virtual clock.");
        output.Write(Table());
        output.WriteLine($"  The real half recorded {Real.Escapes} escapes: real socket completions posting back into the loop from other");
        output.WriteLine("  threads. A strict test would fail on them; the virtual handler keeps everything on the loop, exact and instant.");
        output.WriteLine("The virtual timeline of the concurrent fetch (waits and exits):");
        TimelineView.Print(output, ConcurrentPart, static e => e.Kind is TraceEventKind.Wait or TraceEventKind.Exit or TraceEventKind.Jump && e.Task != "main", maxLines: 48);
    }

    /// <summary>Builds the side-by-side table: per-page latencies, totals, speedups and the real time each half took.</summary>
    public string Table()
    {
        const string Row = "    {0,-10} {1,8}   {2,12} {3,12}   {4,12} {5,12}\n";
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"    {"",-10} {"",8}   {"real",-25}   virtual\n");
        text.AppendFormat(CultureInfo.InvariantCulture, Row, "page", "delay", "one by one", "concurrent", "one by one", "concurrent");
        for (int i = 0; i < Pages.Count; i++)
        {
            text.AppendFormat(CultureInfo.InvariantCulture, Row, Pages[i].Path, Ms(Pages[i].Delay),
                Ms(Real.Half.OneByOne.Latencies[i]), Ms(Real.Half.Concurrently.Latencies[i]), Ms(Virtual.OneByOne.Latencies[i]), Ms(Virtual.Concurrently.Latencies[i]));
        }

        text.AppendFormat(CultureInfo.InvariantCulture, Row, "total", Ms(SumOfDelays), Ms(Real.Half.OneByOne.Total), Ms(Real.Half.Concurrently.Total), Ms(Virtual.OneByOne.Total), Ms(Virtual.Concurrently.Total));
        text.AppendFormat(CultureInfo.InvariantCulture, "    {0,-10} {1,8}   {2,25}   {3,25}\n", "speedup", "", Format.Ratio(Real.Half.Speedup), Format.Ratio(Virtual.Speedup));
        text.AppendFormat(CultureInfo.InvariantCulture, "    {0,-19}   {1,25}   {2,25}\n", "real time taken", Format.Milliseconds(Real.Half.RealTime), Format.Milliseconds(Virtual.RealTime));
        return text.ToString();
    }

    /// <summary>Formats a latency in milliseconds.</summary>
    private static string Ms(TimeSpan time) => Format.Milliseconds(time);
}
