using System.Diagnostics;
using FluentAssertions;

namespace TrioTest.Testing.Tests.Seeds;

/// <summary>Starts and drives the writer program (TrioTest.Testing.RegressionWriter, copied beside the tests) in fresh processes.</summary>
internal static class RegressionWriters
{
    /// <summary>How long a writer may take to exit; bounds a broken run, is never a synchronisation.</summary>
    private const int ExitTimeoutMilliseconds = 120_000;

    /// <summary>Starts a writer and waits until it is ready; it writes nothing before <see cref="Release"/>.</summary>
    public static Process Start(string file, int writer, int count)
    {
        string tool = Path.Combine(AppContext.BaseDirectory, "TrioTest.Testing.RegressionWriter.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(tool);
        start.ArgumentList.Add(file);
        start.ArgumentList.Add(writer.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Process process = Process.Start(start)!;
        string? ready = process.StandardOutput.ReadLine();
        ready.Should().Be("ready", "writer {0} must start: {1}", writer, ready is null ? process.StandardError.ReadToEnd() : string.Empty);
        return process;
    }

    /// <summary>Lets a started writer write.</summary>
    public static void Release(Process process)
    {
        process.StandardInput.WriteLine();
        process.StandardInput.Flush();
    }

    /// <summary>Waits for a writer to exit and returns what it printed after "ready": the count it added, then its warnings.</summary>
    public static string WaitForExit(Process process)
    {
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        process.WaitForExit(ExitTimeoutMilliseconds).Should().BeTrue("a writer must finish within {0} ms", ExitTimeoutMilliseconds);
        process.ExitCode.Should().Be(0, error.Result);
        return output.Result;
    }
}
