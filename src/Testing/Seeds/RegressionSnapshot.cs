namespace TrioTest.Testing;

/// <summary>One parse of a regression file: its seeds by test name and its corrupt lines, valid while its <see cref="Stamp"/> is.</summary>
/// <remarks>Immutable once built, so parallel tests share one snapshot without locks.</remarks>
internal sealed class RegressionSnapshot
{
    /// <summary>The seeds of each test, in file order and without repeats, as handed to <see cref="RegressionFile.ReadSeeds"/>'s callers.</summary>
    private readonly Dictionary<string, TestSeeds> _seedsByTest;

    /// <summary>Initializes a new instance of the <see cref="RegressionSnapshot"/> class.</summary>
    private RegressionSnapshot(FileStamp stamp, Dictionary<string, TestSeeds> seedsByTest, IReadOnlyList<CorruptLine> corruptLines)
    {
        Stamp = stamp;
        _seedsByTest = seedsByTest;
        CorruptLines = corruptLines;
    }

    /// <summary>Gets the snapshot of a missing file: no entries.</summary>
    public static RegressionSnapshot Missing { get; } = new(FileStamp.Missing, new(StringComparer.Ordinal), []);

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
        // Looked up by span, so a name seen before costs no string: a large file repeats a few names many times.
        var seedsByTest = new Dictionary<string, TestSeeds>(StringComparer.Ordinal);
        Dictionary<string, TestSeeds>.AlternateLookup<ReadOnlySpan<char>> byName = seedsByTest.GetAlternateLookup<ReadOnlySpan<char>>();
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
            if (space < 0 || name.IsEmpty || !Seed.TryParse(line[..space], out Seed seed))
            {
                corrupt.Add(new CorruptLine(number, line.ToString()));
                continue;
            }

            if (!byName.TryGetValue(name, out TestSeeds? seeds))
            {
                byName[name] = seeds = new TestSeeds();
            }

            seeds.Add(seed);
        }

        return new RegressionSnapshot(stamp, seedsByTest, corrupt);
    }

    /// <summary>Gets the seeds recorded for <paramref name="testName"/>, in file order, without repeats.</summary>
    /// <param name="testName">The test's name.</param>
    /// <returns>The seeds; empty if there are none.</returns>
    public IReadOnlyList<Seed> SeedsFor(string testName) => _seedsByTest.TryGetValue(testName, out TestSeeds? seeds) ? seeds.InOrder : [];

    /// <summary>Gets the names of the tests the file has entries for, in ordinal order.</summary>
    public IReadOnlyList<string> TestNames => field ??= [.. _seedsByTest.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Tells whether the file records <paramref name="seed"/> for <paramref name="testName"/>.</summary>
    /// <param name="testName">The test's name.</param>
    /// <param name="seed">The seed.</param>
    /// <returns><see langword="true"/> if the entry is there; otherwise, <see langword="false"/>.</returns>
    public bool Contains(string testName, Seed seed) => _seedsByTest.TryGetValue(testName, out TestSeeds? seeds) && seeds.Contains(seed);

    /// <summary>One test's seeds: in file order for replay, and as a set for "is it there already?".</summary>
    private sealed class TestSeeds
    {
        /// <summary>The seeds in file order, without repeats.</summary>
        private readonly List<Seed> _order = [];

        /// <summary>The same seeds, for constant-time membership however many a test has.</summary>
        private readonly HashSet<Seed> _set = [];

        /// <summary>Gets the seeds in file order, read-only (one wrapper, made on first use; the list no longer changes by then).</summary>
        public IReadOnlyList<Seed> InOrder => field ??= _order.AsReadOnly();

        /// <summary>Adds a seed unless it is there already.</summary>
        public void Add(Seed seed)
        {
            if (_set.Add(seed))
            {
                _order.Add(seed);
            }
        }

        /// <summary>Tells whether the test has <paramref name="seed"/>.</summary>
        public bool Contains(Seed seed) => _set.Contains(seed);
    }
}

/// <summary>A line of a regression file that is neither an entry nor a comment.</summary>
/// <param name="Number">Its 1-based line number.</param>
/// <param name="Text">Its text, trimmed.</param>
internal readonly record struct CorruptLine(int Number, string Text);
