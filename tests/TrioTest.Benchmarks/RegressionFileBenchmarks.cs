using BenchmarkDotNet.Attributes;
using TrioTest.Testing;

namespace TrioTest.Benchmarks;

/// <summary>
/// The regression file's cost to a suite: 100 tests, each looking up its seeds in the file, over a 100,000-line file
/// against the same 100 tests over an empty one in the same run. The file's last write time moves before each
/// operation, so every operation pays for one full parse, as a test process does; the goal is a ratio of at most 1.2.
/// The fixed cost is that one parse (tens of milliseconds), so the ratio depends on what a test costs: 1,000 schedules
/// (about 15 ms a test here) is the size of the suite the issue measured (2.0 s for 100 tests); 100 schedules is a
/// very light test.
/// </summary>
public class RegressionFileBenchmarks
{
    private const int Tests = 100;

    private const int Lines = 100_000;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "triotest-regression-benchmark-" + Environment.ProcessId);

    private readonly Func<Task> _body = () => Nursery.RunAsync(nursery =>
    {
        nursery.StartSoon(() => Trio.CheckpointAsync().AsTask(), "a");
        nursery.StartSoon(() => Trio.CheckpointAsync().AsTask(), "b");
        return Task.CompletedTask;
    });

    private TrioTestOptions[] _options = [];

    private string _path = string.Empty;

    private DateTime _stamp;

    [Params(100, 1000)]
    public int Schedules { get; set; } = 1000;

    [Params("empty file", "100,000 lines")]
    public string File { get; set; } = "empty file";

    [GlobalSetup]
    public void Setup()
    {
        Directory.CreateDirectory(_directory);
        _path = Path.Combine(_directory, File == "empty file" ? "empty.txt" : "large.txt");
        using (var writer = new StreamWriter(_path))
        {
            // Half comments, half entries of 1,000 other tests: none of the benchmark's tests has an entry, so every
            // test runs the same schedules over either file and the difference is the file alone.
            for (int i = 0; File != "empty file" && i < Lines / 2; i++)
            {
                writer.Write($"# InvalidOperationException: failure {i}\n0x{(ulong)i * 0x9E3779B97F4A7C15:X16} Other.Tests.Test{i % 1000}\n");
            }
        }

        _stamp = System.IO.File.GetLastWriteTimeUtc(_path);
        _options = Enumerable.Range(0, Tests).Select(i => new TrioTestOptions
        {
            Iterations = Schedules,
            BaseSeed = (ulong)i + 1,
            TestName = $"Benchmark.Tests.Test{i}",
            RegressionFilePath = _path,
            RecordTrace = false,
            GetEnvironmentVariable = _ => null,
        }).ToArray();
    }

    [IterationSetup]
    public void MoveTheStamp()
    {
        _stamp = _stamp.AddSeconds(1);
        System.IO.File.SetLastWriteTimeUtc(_path, _stamp);
    }

    [Benchmark(Description = "100 tests")]
    public void HundredTests()
    {
        foreach (TrioTestOptions options in _options)
        {
            TrioTestRunner.Run(_body, options);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => System.IO.File.Delete(_path);
}
