using System.Diagnostics;

namespace TrioTest.Adapters.Tests;

/// <summary>
/// Runs a fixture executable (a test project built as a program: the MSTest runner, xunit v3, TUnit) as a user's
/// `dotnet` would, with a TRX report, and returns its results. The fixtures fail on purpose, so they are never test
/// projects of the solution; this is how the adapters' tests see exactly what the framework's own pipeline reports.
/// </summary>
public static class FixtureProcess
{
    /// <summary>Gets the path of a fixture project's assembly, built beside the calling test project in the same configuration.</summary>
    /// <param name="project">The fixture project's folder under tests/, such as <c>TrioTest.MSTest.Tests.Fixtures</c> (or <c>../samples/...</c>).</param>
    /// <returns>The path of its dll.</returns>
    public static string PathOf(string project)
    {
        // AppContext.BaseDirectory is tests/<project>/bin/<configuration>/<framework>/.
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string framework = output.Name;
        string configuration = output.Parent!.Name;
        DirectoryInfo tests = output.Parent.Parent!.Parent!.Parent!;
        string path = Path.Combine(tests.FullName, project, "bin", configuration, framework, Path.GetFileName(project) + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{project} is not built at {path}: build the solution first.", path);
    }

    /// <summary>Runs the fixture program with <paramref name="arguments"/> and a TRX report, and returns the report's results.</summary>
    /// <param name="dll">The fixture's assembly.</param>
    /// <param name="trxArguments">The framework's TRX options, with {0} for the folder the report goes to.</param>
    /// <param name="arguments">More arguments (a filter).</param>
    /// <param name="environment">Environment variables for the run; TRIOTEST_SEED, TRIOTEST_ITERATIONS and TRIOTEST_SHARD are cleared and TRIOTEST_BASE_SEED fixed unless given here.</param>
    /// <returns>The results, one per test (one per data row).</returns>
    public static IReadOnlyList<TrxResult> Run(string dll, string trxArguments, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        string folder = Path.Combine(Path.GetTempPath(), "triotest-fixtures-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = Path.GetDirectoryName(dll)!,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(dll);
            foreach (string argument in string.Format(System.Globalization.CultureInfo.InvariantCulture, trxArguments, folder).Split(' ', StringSplitOptions.RemoveEmptyEntries).Concat(arguments))
            {
                start.ArgumentList.Add(argument);
            }

            // The fixtures' own settings decide: nightly runs raise TRIOTEST_ITERATIONS for the tests, not for these. One base
            // seed makes every exploration the same in every run, so an assertion never depends on which seeds were drawn.
            start.Environment["TRIOTEST_SEED"] = null;
            start.Environment["TRIOTEST_ITERATIONS"] = null;
            start.Environment["TRIOTEST_SHARD"] = null;
            start.Environment["TRIOTEST_BASE_SEED"] = "0x5EED";
            start.Environment["TRIOTEST_TIMELINES"] = Path.Combine(folder, "timelines");
            foreach ((string name, string value) in environment ?? new Dictionary<string, string>())
            {
                start.Environment[name] = value;
            }

            using Process process = Process.Start(start)!;
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task<string> error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"dotnet {string.Join(' ', start.ArgumentList)} did not finish in 3 minutes.");
            }

            string trxFile = Directory.EnumerateFiles(folder, "*.trx", SearchOption.AllDirectories).FirstOrDefault()
                ?? throw new InvalidOperationException($"dotnet {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode} and wrote no TRX report:\n{output.Result}\n{error.Result}");
            return TrxResult.Read(trxFile);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
