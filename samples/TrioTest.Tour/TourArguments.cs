using TrioTest.Testing;
using TrioTest.Tour.Running;

namespace TrioTest.Tour;

/// <summary>The tour's command line, parsed: <c>[--seed SEED] [--section NAME] [--trace-json FILE] [--help]</c>.</summary>
/// <param name="Seed">The seed of the virtual runs.</param>
/// <param name="Section">The one section to run, or <see langword="null"/> for all of them.</param>
/// <param name="TraceJson">Where to write the Chrome trace JSON, or <see langword="null"/> for nowhere.</param>
/// <param name="Help"><see langword="true"/> if the usage was asked for; otherwise, <see langword="false"/>.</param>
internal sealed record TourArguments(ulong Seed, TourSection? Section, string? TraceJson, bool Help)
{
    /// <summary>The seed when none is given.</summary>
    public const ulong DefaultSeed = 0x5EED;

    /// <summary>Parses the command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="sections">The sections <c>--section</c> may name.</param>
    /// <param name="arguments">The parsed arguments, when valid.</param>
    /// <param name="problem">What is wrong, when not.</param>
    /// <returns><see langword="true"/> if <paramref name="args"/> is valid; otherwise, <see langword="false"/>.</returns>
    public static bool TryParse(IReadOnlyList<string> args, IReadOnlyList<TourSection> sections, out TourArguments arguments, out string problem)
    {
        arguments = new TourArguments(DefaultSeed, null, null, false);
        problem = string.Empty;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Count; i++)
        {
            string option = args[i];
            if (option is "--help" or "-h")
            {
                arguments = arguments with { Help = true };
                continue;
            }

            if (option is not ("--seed" or "--section" or "--trace-json"))
            {
                problem = $"unknown argument '{option}'.";
                return false;
            }

            if (!seen.Add(option))
            {
                problem = $"{option} is given twice.";
                return false;
            }

            if (i + 1 >= args.Count || args[i + 1].Length == 0 || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                problem = $"{option} needs a value.";
                return false;
            }

            string value = args[++i];
            switch (option)
            {
                case "--seed":
                    if (!TrioTest.Seed.TryParse(value, out TrioTest.Seed seed))
                    {
                        problem = $"--seed takes 0x and 1 to 16 hex digits (such as {new TrioTest.Seed(DefaultSeed)}) or a decimal number up to 18446744073709551615; '{value}' is neither.";
                        return false;
                    }

                    arguments = arguments with { Seed = seed.Value };
                    break;
                case "--section":
                    TourSection? section = sections.FirstOrDefault(s => s.Name == value);
                    if (section is null)
                    {
                        problem = $"unknown section '{value}'; the sections are {string.Join(", ", sections.Select(static s => s.Name))}.";
                        return false;
                    }

                    arguments = arguments with { Section = section };
                    break;
                default:
                    arguments = arguments with { TraceJson = value };
                    break;
            }
        }

        return true;
    }
}
