using System.Text.Json;

namespace TrioTest.Benchmarks.Report;

/// <summary>
/// The measurements of one BenchmarkDotNet run, read from the <c>*-report-full-compressed.json</c> files its JSON exporter
/// writes into <c>results/</c>: one entry per benchmark case, keyed by class, method and parameters.
/// </summary>
internal sealed class BenchmarkResults
{
    /// <summary>The cases by <c>Type.Method(Parameters)</c>, as <see cref="Key"/> builds it.</summary>
    private readonly Dictionary<string, BenchmarkCase> _cases = new(StringComparer.Ordinal);

    /// <summary>Gets the host line of the run (processor and cores), or an empty string when no file named it.</summary>
    public string Host { get; private set; } = string.Empty;

    /// <summary>Gets how many cases were read.</summary>
    public int Count => _cases.Count;

    /// <summary>Reads every JSON report in <paramref name="resultsDirectory"/>.</summary>
    public static BenchmarkResults Load(string resultsDirectory)
    {
        var results = new BenchmarkResults();
        foreach (string file in Directory.GetFiles(resultsDirectory, "*-report-full*.json").Order(StringComparer.Ordinal))
        {
            results.Add(File.ReadAllText(file));
        }

        return results;
    }

    /// <summary>Adds the cases of one exported JSON report.</summary>
    public void Add(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        if (Host.Length == 0 && root.TryGetProperty("HostEnvironmentInfo", out JsonElement host) &&
            host.TryGetProperty("ProcessorName", out JsonElement processor))
        {
            Host = $"{processor.GetString()}, {Int(host, "PhysicalCoreCount")} cores";
        }

        foreach (JsonElement benchmark in root.GetProperty("Benchmarks").EnumerateArray())
        {
            // A case that failed to run has no statistics: leave it out, so its goal reads "not measured".
            if (!benchmark.TryGetProperty("Statistics", out JsonElement statistics) || statistics.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            long? allocated = benchmark.TryGetProperty("Memory", out JsonElement memory) && memory.ValueKind == JsonValueKind.Object
                ? memory.GetProperty("BytesAllocatedPerOperation").GetInt64()
                : null;
            string key = Key(benchmark.GetProperty("Type").GetString()!, benchmark.GetProperty("Method").GetString()!, benchmark.GetProperty("Parameters").GetString() ?? string.Empty);
            _cases[key] = new BenchmarkCase(statistics.GetProperty("Mean").GetDouble(), statistics.GetProperty("StandardError").GetDouble(), allocated);
        }
    }

    /// <summary>Gets the case of <paramref name="type"/>.<paramref name="method"/> with <paramref name="parameters"/> (BenchmarkDotNet's form, such as <c>Tasks=10</c>).</summary>
    public BenchmarkCase? Find(string type, string method, string parameters) =>
        _cases.TryGetValue(Key(type, method, parameters), out BenchmarkCase found) ? found : null;

    private static string Key(string type, string method, string parameters) => $"{type}.{method}({parameters})";

    private static string Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture) : "?";
}

/// <summary>One benchmark case of a run: its mean time per operation (ns), the standard error of that mean, and the bytes it allocates per operation.</summary>
internal readonly record struct BenchmarkCase(double Mean, double StandardError, long? AllocatedBytes);
