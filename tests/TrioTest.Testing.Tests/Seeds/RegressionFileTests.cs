using FluentAssertions;

namespace TrioTest.Testing.Tests.Seeds;

public sealed class RegressionFileTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "triotest-regressions-" + Guid.NewGuid().ToString("N"));

    private string FilePath => Path.Combine(_directory, RegressionFile.DefaultFileName);

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Run_FailureFoundByExploration_IsRecordedAndReplayedFirstNextTime()
    {
        Func<Task> racy = BugRacyBody;
        TrioTestResult found = TrioTestRunner.Run(racy, Options(baseSeed: 1));

        TrioTestResult next = TrioTestRunner.Run(racy, Options(baseSeed: 2));

        found.Passed.Should().BeFalse();
        File.ReadAllText(FilePath).Should().Contain($"{found.Seed} Bank.Transfer\n").And.Contain("# InvalidOperationException: lost");
        next.SeedSource.Should().Be(SeedSource.Regression);
        next.Seed.Should().Be(found.Seed);
        next.Schedule.Should().Be(1);
        next.Report.Should().Contain("(recorded regression, Random)");
    }

    [Fact]
    public void Record_ExistingEntry_IsNotRepeated_AndOtherContentIsKept()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(FilePath, "# mine\n0x1 Other.Test\n");

        bool added = RegressionFile.Record(FilePath, "A.Test", 0x2, "boom");
        bool again = RegressionFile.Record(FilePath, "A.Test", 0x2, "boom");

        added.Should().BeTrue();
        again.Should().BeFalse();
        File.ReadAllText(FilePath).Should().Be("# mine\n0x1 Other.Test\n# boom\n0x0000000000000002 A.Test\n");
        Directory.GetFiles(_directory).Should().Equal(FilePath);
    }

    [Fact]
    public void ReadSeeds_CorruptLine_IsReportedAndSkipped()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(FilePath, "0xZZ A.Test\nnot an entry\n0x10 A.Test\n0x11 B.Test\n");
        var warnings = new List<string>();

        IReadOnlyList<Seed> seeds = RegressionFile.ReadSeeds(FilePath, "A.Test", warnings);

        seeds.Should().Equal((Seed)0x10UL);
        warnings.Should().HaveCount(2);
        warnings[0].Should().Contain(":1: skipped the corrupt regression entry \"0xZZ A.Test\"");
        warnings[1].Should().Contain(":2:");
    }

    [Fact]
    public void Run_CorruptLine_ShowsAsAWarningOfTheResult()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(FilePath, "garbage\n");
        var log = new StringWriter();
        TrioTestOptions options = Options(baseSeed: 1);
        options.Log = log;

        TrioTestResult result = TrioTestRunner.Run(() => Task.CompletedTask, options);

        result.Warnings.Should().ContainSingle().Which.Should().Contain("garbage");
        log.ToString().Should().Contain("garbage");
    }

    [Fact]
    public void Run_UnreadableRegressionFile_ThrowsNamingThePath()
    {
        Directory.CreateDirectory(FilePath);

        Action run = () => TrioTestRunner.Run(() => Task.CompletedTask, Options(baseSeed: 1));

        run.Should().Throw<TrioTestConfigurationException>().WithMessage($"*cannot read the regression file {FilePath}*");
    }

    [Fact]
    public void FindDefaultPath_FindsTheProjectDirectoryAboveTheBinFolder()
    {
        string project = Path.Combine(_directory, "MyTests");
        string bin = Path.Combine(project, "bin", "Release", "net10.0");
        Directory.CreateDirectory(bin);
        File.WriteAllText(Path.Combine(project, "MyTests.csproj"), "<Project />");

        string path = RegressionFile.FindDefaultPath(bin);

        path.Should().Be(Path.Combine(project, RegressionFile.DefaultFileName));
    }

    private static async Task BugRacyBody()
    {
        int balance = 0;
        await Nursery.RunAsync(nursery =>
        {
            for (int i = 0; i < 2; i++)
            {
                int delay = i;
                nursery.StartSoon(async () =>
                {
                    for (int j = 0; j < delay; j++)
                    {
                        await Trio.CheckpointAsync();
                    }

                    int read = balance;
                    await Trio.CheckpointAsync();
                    balance = read + 1;
                }, $"deposit{i}");
            }

            return Task.CompletedTask;
        });

        if (balance != 2)
        {
            throw new InvalidOperationException("lost an update");
        }
    }

    private TrioTestOptions Options(ulong baseSeed) => new()
    {
        Iterations = 200,
        BaseSeed = baseSeed,
        TestName = "Bank.Transfer",
        RegressionFilePath = FilePath,
        GetEnvironmentVariable = _ => null,
    };
}
