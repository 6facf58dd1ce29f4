using System.Text.Json;
using FluentAssertions;
using TrioTest.Tour.Sections;

namespace TrioTest.Tour.Tests;

public sealed class TourCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("triotest-tour-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("--section", "nope", "error: unknown section 'nope'; the sections are scheduler, cpu, errors, timeouts, http.")]
    [InlineData("--seed", "0xZZ", "error: --seed takes 0x and 1 to 16 hex digits (such as 0x0000000000005EED) or a decimal number up to 18446744073709551615; '0xZZ' is neither.")]
    [InlineData("--seed", "-1", "error: --seed takes 0x and 1 to 16 hex digits")]
    [InlineData("--seed", "0x12345678901234567", "error: --seed takes 0x and 1 to 16 hex digits")]
    [InlineData("--seed", "18446744073709551616", "error: --seed takes 0x and 1 to 16 hex digits")]
    [InlineData("--trace-json", "--seed", "error: --trace-json needs a value.")]
    [InlineData("--bogus", "1", "error: unknown argument '--bogus'.")]
    public void Run_BadArgument_ExitsTwoWithTheProblemAndTheUsage(string option, string value, string message)
    {
        (int exit, string output, string error) = Run(option, value);

        exit.Should().Be(2);
        error.Should().StartWith(message).And.Contain("usage: dotnet run --project samples/TrioTest.Tour");
        output.Should().BeEmpty("nothing runs on bad input");
    }

    [Fact]
    public void Run_OptionWithoutValue_ExitsTwo()
    {
        (int exit, _, string error) = Run("--section", "timeouts", "--seed");

        exit.Should().Be(2);
        error.Should().StartWith("error: --seed needs a value.");
    }

    [Fact]
    public void Run_OptionTwice_ExitsTwo()
    {
        (int exit, _, string error) = Run("--section", "timeouts", "--section", "cpu");

        exit.Should().Be(2);
        error.Should().StartWith("error: --section is given twice.");
    }

    [Fact]
    public void Run_TracePathInAMissingDirectory_ExitsTwoBeforeRunningAnything()
    {
        string path = Path.Combine(_directory, "missing", "trace.json");

        (int exit, string output, string error) = Run("--section", "timeouts", "--trace-json", path);

        exit.Should().Be(2);
        error.Should().StartWith($"error: --trace-json cannot write '{path}': ");
        output.Should().BeEmpty();
    }

    [Fact]
    public void Run_TracePathIsADirectory_ExitsTwo()
    {
        (int exit, _, string error) = Run("--section", "errors", "--trace-json", _directory);

        exit.Should().Be(2);
        error.Should().StartWith($"error: --trace-json cannot write '{_directory}': ");
    }

    [Fact]
    public void Run_Help_PrintsTheUsageAndExitsZero()
    {
        (int exit, string output, string error) = Run("--help");

        exit.Should().Be(0);
        output.Should().Be(TourCommand.Usage).And.Contain("one file per section");
        error.Should().BeEmpty();
    }

    [Fact]
    public void Run_OneSectionWithTraceJson_WritesThatSectionsChromeTraceToTheFile()
    {
        string path = Path.Combine(_directory, "timeouts.json");

        (int exit, string output, _) = Run("--section", "timeouts", "--seed", "42", "--trace-json", path);

        exit.Should().Be(0);
        output.Should().Contain($"Trace written to {path}");
        File.ReadAllText(path).Should().Be(TimeoutsSection.Run(42).Trace.ToChromeTraceJson(), "the same seed gives the same trace");
        using JsonDocument json = JsonDocument.Parse(File.ReadAllBytes(path));
        json.RootElement.GetProperty("traceEvents").EnumerateArray().Select(static e => e.GetProperty("name").GetString())
            .Should().Contain(["thread_name", "clock jump to 00:00:10.000"]);
    }

    [Fact]
    public void Run_OneSection_PrintsItsTimelineTimesAndClaims()
    {
        (int exit, string output, _) = Run("--section", "scheduler", "--seed", "0x2A");

        exit.Should().Be(0);
        output.Should().Contain("== The scheduler and checkpoints (scheduler) ==")
            .And.Contain("checkpoint \"a0\"")
            .And.Contain("virtual time 00:00:00.000, real time")
            .And.Contain("[ok] the same seed 0x000000000000002A repeats the trace exactly")
            .And.NotContain("[!!]")
            .And.NotContain("== CPU-bound work");
    }

    [Fact]
    public void Run_ClaimThatDoesNotHold_ExitsOne()
    {
        Running.TourSection broken = new("broken", "A section whose claim fails", seed => TimeoutsSection.Run(seed) with { SleepFinished = true });

        int exit = TourCommand.Run(["--section", "broken"], [broken], TextWriter.Null, TextWriter.Null);

        exit.Should().Be(1);
    }

    [Fact]
    public void Run_SectionThatThrows_ExitsOneAndDeletesItsTraceFile()
    {
        string path = Path.Combine(_directory, "broken.json");
        Running.TourSection broken = new("broken", "A section that throws", _ => throw new InvalidOperationException("no server"));
        var output = new StringWriter();

        int exit = TourCommand.Run(["--section", "broken", "--trace-json", path], [broken], output, TextWriter.Null);

        exit.Should().Be(1);
        output.ToString().Should().Contain("!! the section failed: System.InvalidOperationException: no server");
        File.Exists(path).Should().BeFalse("a failed section leaves no empty, invalid JSON behind");
    }

    internal static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = TourCommand.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
