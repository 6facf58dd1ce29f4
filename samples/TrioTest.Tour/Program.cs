using System.Globalization;
using TrioTest.Tour.Sections;

namespace TrioTest.Tour;

/// <summary>
/// The tour: the examples of "Is asyncio too hard to use? Try Trio!", in order, each run on TrioTest's deterministic
/// loop with a virtual clock, printing what happened, the virtual and real time, and the checkpoint trace.
/// </summary>
internal static class Program
{
    /// <summary>The sections, in the article's order.</summary>
    private static readonly (string Name, string Title, Func<TextWriter, ulong, bool> Run)[] s_sections =
    [
        (SchedulerSection.Name, "The scheduler and checkpoints", SchedulerSection.Run),
        (CpuBoundSection.Name, "CPU-bound work", (output, seed) => CpuBoundSection.Run(output, seed)),
        (ErrorsSection.Name, "Exceptions and cancellation", ErrorsSection.Run),
        (TimeoutsSection.Name, "Timeouts", TimeoutsSection.Run),
    ];

    public static int Main(string[] args)
    {
        ulong seed = 0x5EED;
        string? only = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--seed" when i + 1 < args.Length:
                    string text = args[++i];
                    bool hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
                    if (!ulong.TryParse(hex ? text[2..] : text, hex ? NumberStyles.HexNumber : NumberStyles.None, CultureInfo.InvariantCulture, out seed))
                    {
                        return Usage($"--seed takes a 64-bit number, decimal or 0x-prefixed hex; '{text}' is neither.");
                    }

                    break;
                case "--section" when i + 1 < args.Length:
                    only = args[++i];
                    if (!s_sections.Any(s => s.Name == only))
                    {
                        return Usage($"unknown section '{only}'.");
                    }

                    break;
                default:
                    return Usage($"unknown argument '{args[i]}'.");
            }
        }

        bool allGood = true;
        foreach ((string name, string title, Func<TextWriter, ulong, bool> run) in s_sections.Where(s => only is null || s.Name == only))
        {
            Console.WriteLine();
            Console.WriteLine($"== {title} ({name}) ==");
            bool ok = run(Console.Out, seed);
            allGood &= ok;
            if (!ok)
            {
                Console.WriteLine("  !! this section did not behave as described");
            }
        }

        Console.WriteLine();
        Console.WriteLine(allGood ? $"Tour finished (seed 0x{seed:X}); replay it with --seed 0x{seed:X}." : "Tour finished with unexpected results.");
        return allGood ? 0 : 1;
    }

    private static int Usage(string problem)
    {
        Console.Error.WriteLine($"error: {problem}");
        Console.Error.WriteLine($"usage: dotnet run --project samples/TrioTest.Tour -- [--seed N] [--section {string.Join('|', s_sections.Select(s => s.Name))}]");
        return 2;
    }
}
