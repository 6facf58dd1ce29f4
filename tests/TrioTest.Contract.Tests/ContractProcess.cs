using System.Diagnostics;
using System.Globalization;

namespace TrioTest.Contract.Tests;

/// <summary>
/// Runs a fixture assembly through its framework's own pipeline in a process of its own, as a user's <c>dotnet</c> would
/// (<c>dotnet test</c> for VSTest adapters, the assembly itself for Microsoft Testing Platform ones), with a TRX report.
/// </summary>
public static class ContractProcess
{
    /// <summary>Gets the path of a fixture project's assembly, built beside this test project in the same configuration.</summary>
    /// <param name="project">The fixture project's name.</param>
    /// <returns>The path of its dll.</returns>
    public static string PathOf(string project)
    {
        // AppContext.BaseDirectory is tests/<project>/bin/<configuration>/<framework>/.
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        DirectoryInfo tests = output.Parent!.Parent!.Parent!.Parent!;
        string path = Path.Combine(tests.FullName, project, "bin", output.Parent.Name, output.Name, project + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{project} is not built at {path}: build the solution first.", path);
    }

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> (where <c>{0}</c> stands for the report's folder) and reads the TRX report it writes.</summary>
    /// <param name="arguments">The arguments.</param>
    /// <param name="workingDirectory">Where the process starts.</param>
    /// <param name="environment">Environment variables for the run; the TRIOTEST_ ones a developer may have set are cleared first.</param>
    /// <returns>The report's results.</returns>
    public static IReadOnlyList<TrxResult> Run(IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        string folder = Path.Combine(Path.GetTempPath(), "triotest-contract-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(string.Format(CultureInfo.InvariantCulture, argument, folder));
            }

            foreach (string name in new[] { "TRIOTEST_SEED", "TRIOTEST_ITERATIONS", "TRIOTEST_BASE_SEED", "TRIOTEST_SHARD" })
            {
                start.Environment[name] = null;
            }

            start.Environment["TRIOTEST_TIMELINES"] = Path.Combine(folder, "timelines");
            foreach ((string name, string value) in environment)
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

            string trx = Directory.EnumerateFiles(folder, "*.trx", SearchOption.AllDirectories).FirstOrDefault()
                ?? throw new InvalidOperationException($"dotnet {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode} and wrote no TRX report:\n{output.Result}\n{error.Result}");
            return TrxResult.Read(trx);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
