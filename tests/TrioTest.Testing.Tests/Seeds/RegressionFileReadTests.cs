using FluentAssertions;

namespace TrioTest.Testing.Tests.Seeds;

/// <summary>Reading: one parse per change of the file, and each corrupt line warned about once per process.</summary>
public sealed class RegressionFileReadTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "triotest-regressions-" + Guid.NewGuid().ToString("N"));

    public RegressionFileReadTests() => Directory.CreateDirectory(_directory);

    private string FilePath => Path.Combine(_directory, RegressionFile.DefaultFileName);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void ReadSeeds_TextChangedButStampKept_ReturnsTheCachedParse()
    {
        File.WriteAllText(FilePath, "0x1 A.Test\n");
        DateTime written = File.GetLastWriteTimeUtc(FilePath);
        IReadOnlyList<Seed> first = RegressionFile.ReadSeeds(FilePath, "A.Test", new List<string>());

        // Same length, same last write time: only a cache explains seeing the old seed.
        File.WriteAllText(FilePath, "0x2 A.Test\n");
        File.SetLastWriteTimeUtc(FilePath, written);
        IReadOnlyList<Seed> second = RegressionFile.ReadSeeds(FilePath, "A.Test", new List<string>());

        first.Should().Equal((Seed)0x1UL);
        second.Should().Equal([(Seed)0x1UL], "the file's stamp did not change, so the parse is reused");
    }

    [Fact]
    public void ReadSeeds_LastWriteTimeChanged_ReadsTheFileAgain()
    {
        File.WriteAllText(FilePath, "0x1 A.Test\n");
        DateTime written = File.GetLastWriteTimeUtc(FilePath);
        RegressionFile.ReadSeeds(FilePath, "A.Test", new List<string>());

        File.WriteAllText(FilePath, "0x2 A.Test\n");
        File.SetLastWriteTimeUtc(FilePath, written.AddSeconds(1));
        IReadOnlyList<Seed> seeds = RegressionFile.ReadSeeds(FilePath, "A.Test", new List<string>());

        seeds.Should().Equal([(Seed)0x2UL], "a new last write time means new text");
    }

    [Fact]
    public void ReadSeeds_LengthChanged_ReadsTheFileAgain()
    {
        File.WriteAllText(FilePath, "0x1 A.Test\n");
        DateTime written = File.GetLastWriteTimeUtc(FilePath);
        RegressionFile.ReadSeeds(FilePath, "A.Test", new List<string>());

        File.WriteAllText(FilePath, "0x1 A.Test\n0x3 A.Test\n");
        File.SetLastWriteTimeUtc(FilePath, written);
        IReadOnlyList<Seed> seeds = RegressionFile.ReadSeeds(FilePath, "A.Test", new List<string>());

        seeds.Should().Equal([(Seed)0x1UL, (Seed)0x3UL], "a new length means new text, whatever the time says");
    }

    [Fact]
    public void ReadSeeds_AfterRecord_SeesTheNewEntry()
    {
        File.WriteAllText(FilePath, "0x1 A.Test\n");
        RegressionFile.ReadSeeds(FilePath, "A.Test", new List<string>());

        RegressionFile.Record(FilePath, "A.Test", 0x2, comment: null);
        IReadOnlyList<Seed> seeds = RegressionFile.ReadSeeds(FilePath, "A.Test", new List<string>());

        seeds.Should().Equal((Seed)0x1UL, (Seed)0x2UL);
    }

    [Fact]
    public void ReadSeeds_FileDeleted_HasNoEntries()
    {
        File.WriteAllText(FilePath, "0x1 A.Test\n");
        RegressionFile.ReadSeeds(FilePath, "A.Test", new List<string>());

        File.Delete(FilePath);
        IReadOnlyList<Seed> seeds = RegressionFile.ReadSeeds(FilePath, "A.Test", new List<string>());

        seeds.Should().BeEmpty();
    }

    [Fact]
    public void ReadSeeds_ManyParallelReadsOfCorruptLines_WarnOncePerLine()
    {
        File.WriteAllText(FilePath, "bad1\n0x1 A.Test\nbad2\n# comment\n0xZZ A.Test\nbad4 \n0x\n");
        var warnings = new System.Collections.Concurrent.ConcurrentBag<string>();

        Parallel.For(0, 100, i =>
        {
            var mine = new List<string>();
            IReadOnlyList<Seed> seeds = RegressionFile.ReadSeeds(FilePath, "A.Test", mine);
            seeds.Should().Equal((Seed)0x1UL);
            foreach (string warning in mine)
            {
                warnings.Add(warning);
            }
        });

        warnings.Select(w => w[(w.IndexOf(".txt:", StringComparison.Ordinal) + 5)..w.IndexOf(": skipped", StringComparison.Ordinal)]).Order()
            .Should().Equal(["1", "3", "5", "6", "7"], "each corrupt line is warned about once per process, with its line number, however many tests read it");
        warnings.Should().AllSatisfy(w => w.Should().Contain("an entry is \"<seed> <test name>\", such as \"0x9E3779B97F4A7C15 MyTests.Bank.Transfer\""));
    }

    [Fact]
    public void ReadSeeds_CorruptLineWarnedThenFileChanged_DoesNotWarnAgainForTheSameLine()
    {
        File.WriteAllText(FilePath, "garbage\n");
        var first = new List<string>();
        RegressionFile.ReadSeeds(FilePath, "A.Test", first);

        File.AppendAllText(FilePath, "0x1 A.Test\nmore garbage\n");
        var second = new List<string>();
        RegressionFile.ReadSeeds(FilePath, "A.Test", second);

        first.Should().ContainSingle().Which.Should().Contain(":1: skipped the corrupt regression entry \"garbage\"");
        second.Should().ContainSingle().Which.Should().Contain(":3: skipped the corrupt regression entry \"more garbage\"");
    }
}
