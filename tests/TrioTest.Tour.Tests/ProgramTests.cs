using System.Diagnostics;
using FluentAssertions;

namespace TrioTest.Tour.Tests;

/// <summary>The tour's program in a process of its own, as a shell runs it: exit codes and streams.</summary>
public class ProgramTests
{
    [Fact]
    public void Main_UnknownSection_ExitsTwoWithTheErrorOnStandardError()
    {
        (int exit, string output, string error) = RunTour("--section", "nope");

        exit.Should().Be(2);
        error.Should().StartWith("error: unknown section 'nope'");
        output.Should().BeEmpty();
    }

    [Fact]
    public void Main_MalformedSeed_ExitsTwo()
    {
        (int exit, _, string error) = RunTour("--seed", "0x");

        exit.Should().Be(2);
        error.Should().StartWith("error: --seed takes 0x and 1 to 16 hex digits");
    }

    [Fact]
    public void Main_OneSection_ExitsZero()
    {
        (int exit, string output, string error) = RunTour("--section", "timeouts");

        exit.Should().Be(0, error);
        output.Should().Contain("[ok] the run ended at exactly 00:00:10.000 of virtual time");
    }

    private static (int Exit, string Output, string Error) RunTour(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "TrioTest.Tour.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }
}
