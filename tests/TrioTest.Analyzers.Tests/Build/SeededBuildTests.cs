using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace TrioTest.Analyzers.Tests.Build;

/// <summary>
/// A real <c>dotnet build</c> of tests/TrioTest.Analyzers.Seeded, which seeds every rule once: the compiler loads the
/// analyzers through the adapters' project references and prints every rule's ID.
/// </summary>
public class SeededBuildTests
{
    [Fact]
    public void DotnetBuild_OfProjectSeedingEachRule_PrintsEveryRuleId()
    {
        string project = Path.Combine(RepositoryRoot(), "tests", "TrioTest.Analyzers.Seeded", "TrioTest.Analyzers.Seeded.csproj");
        string configuration = typeof(SeededBuildTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

        (int exitCode, string output) = Run(
            "dotnet",
            "build", project, "-c", configuration, "--no-incremental", "-nologo",
            "-p:TreatWarningsAsErrors=false", "-p:BuildProjectReferences=false", "-p:NuGetAudit=false");

        string[] expected = ["TRIO001", "TRIO002", "TRIO003", "TRIO004", "TRIO005", "TRIO006", "TRIO007", "TRIO008", "TRIO009"];
        string[] missing = expected.Where(id => !output.Contains($"{(id == "TRIO007" ? "error" : "warning")} {id}:", StringComparison.Ordinal)).ToArray();
        Assert.True(missing.Length == 0, $"dotnet build (exit code {exitCode}) did not print {string.Join(", ", missing)}:\n{output}");
        Assert.True(exitCode != 0, "TRIO007 is an error: the build of the seeded project must fail.");
        Assert.True(CountOf(output, "warning TRIO009:") >= 2, $"both forms of TRIO009 (ReadAllAsync, a callback's ConfigureAwait(false)) must be reported:\n{output}");
    }

    /// <summary>Runs a process to completion and returns its exit code and its standard output and error.</summary>
    private static (int ExitCode, string Output) Run(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using Process process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet build did not finish in 3 minutes:\n{output}");
        }

        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    /// <summary>How often <paramref name="text"/> occurs in <paramref name="output"/>, counting each line once.</summary>
    private static int CountOf(string output, string text) =>
        output.Split('\n').Where(line => line.Contains(text, StringComparison.Ordinal)).Select(static line => line.Trim()).Distinct().Count();

    /// <summary>The repository root: the first directory above the test assembly that holds TrioTest.sln.</summary>
    private static string RepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TrioTest.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No TrioTest.sln above {AppContext.BaseDirectory}.");
    }
}
