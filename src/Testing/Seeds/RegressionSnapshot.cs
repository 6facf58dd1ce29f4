namespace TrioTest.Testing;

/// <summary>One parse of a regression file: its seeds by test name and its corrupt lines, valid while its <see cref="Stamp"/> is.</summary>
/// <remarks>Immutable once built, so parallel tests share one snapshot without locks.</remarks>
internal sealed class RegressionSnapshot
{
    /// <summary>The seeds of each test, in file order and without repeats, as handed to <see cref="RegressionFile.ReadSeeds"/>'s callers.</summary>
    private readonly Dictionary<string, IReadOnlyList<ulong>> _seedsByTest;

    /// <summary>Every (test, seed) pair, so a writer's "is it there already?" costs one probe, not a scan.</summary>
    private readonly HashSet<(string TestName, ulong Seed)> _entries;

    /// <summary>Initializes a new instance of the <see cref="RegressionSnapshot"/> class.</summary>
    private RegressionSnapshot(FileStamp stamp, Dictionary<string, IReadOnlyList<ulong>> seedsByTest, HashSet<(string, ulong)> entries, IReadOnlyList<CorruptLine> corruptLines)
    {
        Stamp = stamp;
        _seedsByTest = seedsByTest;
        _entries = entries;
        CorruptLines = corruptLines;
    }

    /// <summary>Gets the snapshot of a missing file: no entries.</summary>
    public static RegressionSnapshot Missing { get; } = new(FileStamp.Missing, new(StringComparer.Ordinal), [], []);

    /// <summary>Gets the stamp of the file this snapshot was read from.</summary>
    public FileStamp Stamp { get; }

    /// <summary>Gets the lines that are neither entries nor comments, in file order.</summary>
    public IReadOnlyList<CorruptLine> CorruptLines { get; }

    /// <summary>Parses a regression file's text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="stamp">The stamp read before the text (so a write in between makes the snapshot look stale, never fresh).</param>
    /// <returns>The snapshot.</returns>
    public static RegressionSnapshot Parse(string text, FileStamp stamp)
    {
        var order = new Dictionary<string, List<ulong>>(StringComparer.Ordinal);
        var entries = new HashSet<(string, ulong)>();
        var corrupt = new List<CorruptLine>();
        int number = 0;
        for (int start = 0; start < text.Length;)
        {
            int end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            number++;
            ReadOnlySpan<char> line = text.AsSpan(start, end - start).TrimEnd('\r').Trim();
            start = end + 1;
            if (line.IsEmpty || line[0] == '#')
            {
                continue;
            }

            int space = line.IndexOf(' ');
            ReadOnlySpan<char> name = space < 0 ? default : line[(space + 1)..].Trim();
            if (space < 0 || name.IsEmpty || !TrioSeed.TryParse(line[..space].ToString(), out ulong seed))
            {
                corrupt.Add(new CorruptLine(number, line.ToString()));
                continue;
            }

            string testName = name.ToString();
            if (entries.Add((testName, seed)))
            {
                if (!order.TryGetValue(testName, out List<ulong>? seeds))
                {
                    order.Add(testName, seeds = []);
                }

                seeds.Add(seed);
            }
        }

        var seedsByTest = new Dictionary<string, IReadOnlyList<ulong>>(order.Count, StringComparer.Ordinal);
        foreach (KeyValuePair<string, List<ulong>> pair in order)
        {
            seedsByTest.Add(pair.Key, pair.Value.AsReadOnly());
        }

        return new RegressionSnapshot(stamp, seedsByTest, entries, corrupt);
    }

    /// <summary>Gets the seeds recorded for <paramref name="testName"/>, in file order, without repeats.</summary>
    /// <param name="testName">The test's name.</param>
    /// <returns>The seeds; empty if there are none.</returns>
    public IReadOnlyList<ulong> SeedsFor(string testName) => _seedsByTest.TryGetValue(testName, out IReadOnlyList<ulong>? seeds) ? seeds : [];

    /// <summary>Tells whether the file records <paramref name="seed"/> for <paramref name="testName"/>.</summary>
    /// <param name="testName">The test's name.</param>
    /// <param name="seed">The seed.</param>
    /// <returns><see langword="true"/> if the entry is there; otherwise, <see langword="false"/>.</returns>
    public bool Contains(string testName, ulong seed) => _entries.Contains((testName, seed));
}

/// <summary>A line of a regression file that is neither an entry nor a comment.</summary>
/// <param name="Number">Its 1-based line number.</param>
/// <param name="Text">Its text, trimmed.</param>
internal readonly record struct CorruptLine(int Number, string Text);
