using System.Diagnostics;
using System.Globalization;
using FluentAssertions;

namespace TrioTest.Testing.Tests.Seeds;

/// <summary>Recording: read-only files, stale locks and temporary files left by writers that died.</summary>
public sealed class RegressionFileWriteTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "triotest-regressions-" + Guid.NewGuid().ToString("N"));

    public RegressionFileWriteTests() => Directory.CreateDirectory(_directory);

    private string FilePath => Path.Combine(_directory, RegressionFile.DefaultFileName);

    private string LockPath => FilePath + ".lock";

    public void Dispose()
    {
        if (File.Exists(FilePath))
        {
            SetReadOnly(FilePath, false);
        }

        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void Record_ReadOnlyFile_IsLeftUntouchedAndNamesTheSeedAndTest()
    {
        File.WriteAllText(FilePath, "# mine\n0x1 Other.Test\n");
        SetReadOnly(FilePath, true);
        string modeBefore = Mode(FilePath);

        Action record = () => RegressionFile.Record(FilePath, "A.Test", 0x2, "boom");

        record.Should().Throw<TrioTestConfigurationException>()
            .WithMessage("*did not record the failing seed 0x0000000000000002 of A.Test*read-only*make it writable*TRIOTEST_SEED=0x0000000000000002*");
        File.ReadAllText(FilePath).Should().Be("# mine\n0x1 Other.Test\n");
        Mode(FilePath).Should().Be(modeBefore, "a read-only file keeps its mode");
        Directory.GetFiles(_directory).Should().Equal([FilePath], "no lock or temporary file is left beside it");
    }

    [Fact]
    public void Run_FailureWithReadOnlyFile_ReportsOneWarningNamingTheSeed()
    {
        File.WriteAllText(FilePath, "# mine\n");
        SetReadOnly(FilePath, true);

        // Fails from the second schedule on: a failure that depends on the schedule, so its seed would be recorded.
        int runs = 0;
        TrioTestResult result = TrioTestRunner.Run(() => runs++ == 0 ? Task.CompletedTask : throw new InvalidOperationException("boom"), new TrioTestOptions
        {
            Iterations = 5,
            BaseSeed = 1,
            TestName = "Bank.Transfer",
            RegressionFilePath = FilePath,
            GetEnvironmentVariable = _ => null,
            Log = TextWriter.Null,
        });

        result.Passed.Should().BeFalse();
        result.Warnings.Should().ContainSingle().Which.Should().Contain($"did not record the failing seed {result.Seed} of Bank.Transfer");
        File.ReadAllText(FilePath).Should().Be("# mine\n");
    }

    [Fact]
    public void Record_LockLeftByAProcessThatDied_IsBrokenWithANote()
    {
        (int processId, DateTime started) = RunProcessToCompletion();
        File.WriteAllText(LockPath, string.Create(CultureInfo.InvariantCulture, $"{processId} {Environment.MachineName} {started.ToUniversalTime():O}\n"));
        var warnings = new List<string>();

        bool added = RegressionFile.Record(FilePath, "A.Test", 0x2, "boom", warnings);

        added.Should().BeTrue();
        warnings.Should().ContainSingle().Which.Should().Contain($"broke the stale lock {LockPath}").And.Contain($"process {processId}, which is no longer running");
        Directory.GetFiles(_directory).Should().Equal([FilePath], "the stale lock is gone");
        RegressionFile.ReadSeeds(FilePath, "A.Test", new List<string>()).Should().Equal(0x2UL);
    }

    [Fact]
    public void Record_OldLockThatNamesNoOne_IsBrokenWithANote()
    {
        File.WriteAllText(LockPath, string.Empty);
        File.SetLastWriteTimeUtc(LockPath, File.GetLastWriteTimeUtc(LockPath).AddHours(-1));
        var warnings = new List<string>();

        bool added = RegressionFile.Record(FilePath, "A.Test", 0x2, "boom", warnings);

        added.Should().BeTrue();
        warnings.Should().ContainSingle().Which.Should().Contain($"broke the stale lock {LockPath}").And.Contain("a process it does not name");
        File.Exists(LockPath).Should().BeFalse();
    }

    [Fact]
    public void Record_TemporaryFileLeftByAnInterruptedWriter_IsDeletedWithANote()
    {
        File.WriteAllText(FilePath, "0x1 Other.Test\n");
        string leftOver = FilePath + ".4242.tmp";
        string unrelated = FilePath + ".backup.tmp";
        File.WriteAllText(leftOver, "half a file");
        File.WriteAllText(unrelated, "the user's");
        var warnings = new List<string>();

        RegressionFile.Record(FilePath, "A.Test", 0x2, comment: null, warnings);

        File.Exists(leftOver).Should().BeFalse("a writer that died left it");
        File.Exists(unrelated).Should().BeTrue("only TrioTest's own <file>.<pid>.tmp files are deleted");
        warnings.Should().ContainSingle().Which.Should().Contain(leftOver).And.Contain("process 4242");
        File.ReadAllText(FilePath).Should().Be("0x1 Other.Test\n0x0000000000000002 A.Test\n");
    }

    [Fact]
    public void Record_LastLineWithoutLineBreak_StartsTheEntryOnANewLine()
    {
        File.WriteAllText(FilePath, "0x1 Other.Test");

        RegressionFile.Record(FilePath, "A.Test", 0x2, "boom");

        File.ReadAllText(FilePath).Should().Be("0x1 Other.Test\n# boom\n0x0000000000000002 A.Test\n");
    }

    [Fact]
    public void Record_NewFile_StartsWithTheHeader()
    {
        RegressionFile.Record(FilePath, "A.Test", 0x2, "boom");

        string[] lines = File.ReadAllLines(FilePath);
        lines[0].Should().StartWith("# TrioTest regression seeds");
        lines[^2..].Should().Equal("# boom", "0x0000000000000002 A.Test");
    }

    [Fact]
    public void Record_ManyThreadsAtOnce_LoseNoEntry()
    {
        Parallel.For(0, 200, i => RegressionFile.Record(FilePath, $"T{i % 7}", (ulong)i, comment: null).Should().BeTrue());

        IEnumerable<Seed> all = Enumerable.Range(0, 7).SelectMany(t => RegressionFile.ReadSeeds(FilePath, $"T{t}", new List<string>()));
        all.Order().Should().Equal(Enumerable.Range(0, 200).Select(i => (Seed)(ulong)i));
    }

    /// <summary>Starts the writer program with nothing to write and waits for it to exit: its id then names no running process.</summary>
    private static (int ProcessId, DateTime Started) RunProcessToCompletion()
    {
        using Process process = RegressionWriters.Start(Path.Combine(Path.GetTempPath(), "unused"), writer: 0, count: 0);
        DateTime started = process.StartTime;
        RegressionWriters.Release(process);
        RegressionWriters.WaitForExit(process).Should().StartWith("0");
        return (process.Id, started);
    }

    private static void SetReadOnly(string path, bool readOnly)
    {
        if (OperatingSystem.IsWindows())
        {
            File.SetAttributes(path, readOnly ? FileAttributes.ReadOnly : FileAttributes.Normal);
        }
        else
        {
            File.SetUnixFileMode(path, readOnly
                ? UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead
                : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
    }

    private static string Mode(string path) => OperatingSystem.IsWindows() ? File.GetAttributes(path).ToString() : File.GetUnixFileMode(path).ToString();
}
