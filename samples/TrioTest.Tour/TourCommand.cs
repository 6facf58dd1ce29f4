using System.Diagnostics;
using TrioTest.Testing;
using TrioTest.Tour.Running;
using TrioTest.Tour.Sections;
using TrioTest.Tour.Sections.Http;

namespace TrioTest.Tour;

/// <summary>The tour as a command: parses the arguments, runs the sections in the article's order, prints each with its checked claims.</summary>
internal static class TourCommand
{
    /// <summary>The exit code when every claim held.</summary>
    public const int Success = 0;

    /// <summary>The exit code when a claim did not hold or a section failed.</summary>
    public const int ClaimFailed = 1;

    /// <summary>The exit code for bad arguments.</summary>
    public const int BadArguments = 2;

    /// <summary>Gets the sections, in the article's order.</summary>
    public static IReadOnlyList<TourSection> Sections { get; } =
    [
        new(SchedulerSection.Name, "The scheduler and checkpoints", SchedulerSection.Run),
        new(CpuSection.Name, "CPU-bound work", seed => CpuSection.Run(seed)),
        new(ErrorsSection.Name, "Exceptions and cancellation", ErrorsSection.Run),
        new(TimeoutsSection.Name, "Timeouts", TimeoutsSection.Run),
        new(HttpSection.Name, "HTTP requests", HttpSection.Run),
    ];

    /// <summary>Gets the usage text.</summary>
    public static string Usage { get; } = $"""
        usage: dotnet run --project samples/TrioTest.Tour -c Release -- [--seed SEED] [--section NAME] [--trace-json FILE]

          --seed SEED        the seed of the virtual runs' schedules: 0x and 1 to 16 hex digits, or decimal
                             (default {new Seed(TourArguments.DefaultSeed)}); the same seed prints the same traces
          --section NAME     run one section: {string.Join(", ", Sections.Select(static s => s.Name))} (default: all, in order)
          --trace-json FILE  write the Chrome trace-event JSON of each section's main run, for ui.perfetto.dev; with
                             --section, to FILE; for the whole tour, one file per section named with the section
                             before the extension (trace.json gives trace.scheduler.json, trace.cpu.json, ...)
          --help             print this and exit

        Exit codes: 0 every claim held, 1 a claim did not hold or a section failed, 2 bad arguments.

        """;

    /// <summary>Runs the tour.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="output">Where the tour prints.</param>
    /// <param name="error">Where errors go.</param>
    /// <returns>The exit code.</returns>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error) => Run(args, Sections, output, error);

    /// <summary>Runs a tour of <paramref name="sections"/>: the tests pass sections of their own to reach the failure paths.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="sections">The sections, in order.</param>
    /// <param name="output">Where the tour prints.</param>
    /// <param name="error">Where errors go.</param>
    /// <returns>The exit code.</returns>
    public static int Run(IReadOnlyList<string> args, IReadOnlyList<TourSection> sections, TextWriter output, TextWriter error)
    {
        if (!TourArguments.TryParse(args, sections, out TourArguments arguments, out string problem))
        {
            return Fail(error, problem);
        }

        if (arguments.Help)
        {
            output.Write(Usage);
            return Success;
        }

        IReadOnlyList<TourSection> selected = arguments.Section is { } only ? [only] : sections;
        TraceFiles? traceFiles = null;
        if (arguments.TraceJson is { } file && !TraceFiles.TryCreate(file, selected, out traceFiles, out problem))
        {
            return Fail(error, problem);
        }

        using (traceFiles)
        {
            long started = Stopwatch.GetTimestamp();
            bool allHeld = true;
            foreach (TourSection section in selected)
            {
                allHeld &= RunSection(section, arguments.Seed, traceFiles, output);
            }

            TimeSpan real = Stopwatch.GetElapsedTime(started);
            output.WriteLine();
            output.WriteLine(allHeld
                ? $"Tour finished in {real.TotalSeconds:F1} s of real time, every claim held. Replay it with --seed {new Seed(arguments.Seed)}."
                : $"Tour finished in {real.TotalSeconds:F1} s of real time, with claims that did not hold (marked !!).");
            return allHeld ? Success : ClaimFailed;
        }
    }

    /// <summary>Runs, prints and checks one section, and writes its trace.</summary>
    /// <returns><see langword="true"/> if every claim held; otherwise, <see langword="false"/>.</returns>
    private static bool RunSection(TourSection section, ulong seed, TraceFiles? traceFiles, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"== {section.Title} ({section.Name}) ==");
        SectionResult result;
        try
        {
            result = section.Run(seed);
        }
        catch (Exception e)
        {
            traceFiles?.Discard(section.Name);
            output.WriteLine($"  !! the section failed: {e}");
            return false;
        }

        result.Print(output);
        output.WriteLine("Claims:");
        foreach (Claim claim in result.Claims)
        {
            output.WriteLine($"  {claim}");
        }

        if (traceFiles is not null)
        {
            output.WriteLine($"  Trace written to {traceFiles.Write(section.Name, result.Trace)} ({result.Trace.Count} events).");
        }

        return result.AllClaimsHold;
    }

    /// <summary>Reports bad arguments with the usage.</summary>
    private static int Fail(TextWriter error, string problem)
    {
        error.WriteLine($"error: {problem}");
        error.WriteLine();
        error.Write(Usage);
        return BadArguments;
    }
}
