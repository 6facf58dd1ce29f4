namespace TrioTest.Benchmarks.Report;

/// <summary>
/// The wall times <c>adapter-overhead.sh</c> writes: one line per run, <c>FRAMEWORK subject SECONDS</c> (TrioTest's
/// attribute) or <c>FRAMEWORK baseline SECONDS</c> (the framework's plain async test), the same tests through the
/// framework's own runner; one <see cref="WallTimes"/> per framework, in the order the file names them.
/// </summary>
/// <param name="Frameworks">Each framework's wall times.</param>
internal sealed record AdapterWallTimes(IReadOnlyList<(string Framework, WallTimes Times)> Frameworks)
{
    /// <summary>The bound of each framework's adapter overhead.</summary>
    public const double Bound = 1.2;

    /// <summary>Parses the lines of an adapter-overhead run.</summary>
    /// <param name="lines">The lines.</param>
    /// <returns>The wall times per framework.</returns>
    /// <exception cref="FormatException">A line is not <c>FRAMEWORK subject|baseline SECONDS</c>.</exception>
    public static AdapterWallTimes Parse(IEnumerable<string> lines)
    {
        var byFramework = new List<(string Framework, List<string> Lines)>();
        foreach (string line in lines.Select(l => l.Trim()).Where(l => l.Length != 0))
        {
            int space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space <= 0)
            {
                throw new FormatException($"not 'FRAMEWORK subject|baseline SECONDS': {line}");
            }

            string framework = line[..space];
            int index = byFramework.FindIndex(f => f.Framework == framework);
            if (index < 0)
            {
                byFramework.Add((framework, []));
                index = byFramework.Count - 1;
            }

            byFramework[index].Lines.Add(line[(space + 1)..]);
        }

        return new AdapterWallTimes([.. byFramework.Select(f => (f.Framework, WallTimes.Parse(f.Lines)))]);
    }
}
