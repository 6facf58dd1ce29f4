using System.Diagnostics;
using FluentAssertions;
using Xunit.Abstractions;

namespace TrioTest.Testing.Tests.Seeds;

/// <summary>Many writer processes recording at once into one file: every seed must land, exactly once.</summary>
public sealed class RegressionFileConcurrencyTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "triotest-regressions-" + Guid.NewGuid().ToString("N"));

    private string FilePath => Path.Combine(_directory, RegressionFile.DefaultFileName);

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Record_16WriterProcessesOf25Seeds_LoseNone() => AssertNoSeedLost(writers: 16, seedsEach: 25);

    [Fact]
    [Trait("Category", "Nightly")]
    public void Record_16WriterProcessesOf200Seeds_LoseNone() => AssertNoSeedLost(writers: 16, seedsEach: 200);

    private void AssertNoSeedLost(int writers, int seedsEach)
    {
        var processes = new List<Process>();
        string[] outputs;
        var clock = Stopwatch.StartNew();
        try
        {
            for (int w = 0; w < writers; w++)
            {
                processes.Add(RegressionWriters.Start(FilePath, w, seedsEach));
            }

            TimeSpan started = clock.Elapsed;
            processes.ForEach(RegressionWriters.Release);
            outputs = processes.Select(RegressionWriters.WaitForExit).ToArray();
            output.WriteLine($"{writers} writers x {seedsEach} seeds: started in {started.TotalSeconds:F1} s, wrote in {(clock.Elapsed - started).TotalSeconds:F1} s");
        }
        finally
        {
            foreach (Process process in processes)
            {
                process.Dispose();
            }
        }

        var warnings = new List<string>();
        RegressionFile.ReadSeeds(FilePath, "Writer0.Test", warnings);
        warnings.Should().BeEmpty("no write tore a line");
        for (int w = 0; w < writers; w++)
        {
            outputs[w].Split('\n')[0].Should().Be(seedsEach.ToString(System.Globalization.CultureInfo.InvariantCulture), "writer {0} added every seed: {1}", w, outputs[w]);
            RegressionFile.ReadSeeds(FilePath, $"Writer{w}.Test", new List<string>())
                .Should().Equal(Enumerable.Range(1, seedsEach).Select(s => (Seed)(ulong)s), "writer {0}'s seeds are all in the file, once each", w);
        }

        Directory.GetFiles(_directory).Should().Equal([FilePath], "no lock or temporary file is left");
    }
}
