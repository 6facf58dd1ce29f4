using System.Reflection;
using FluentAssertions;

namespace TrioTest.Testing.Tests.Adapters;

public class AsyncTestSettingsTests
{
    private static readonly MethodInfo s_method = typeof(AsyncTestSettingsTests).GetMethod(nameof(Options_AreTrioTestsDefaults_WhenNothingIsSet))!;

    private static TrioTestOptions Options(AsyncTestSettings settings, string attributeName = "AsyncTest") =>
        TestAdapterSupport.CreateOptions(s_method, settings, attributeName, "My.Test");

    private static string Error(AsyncTestSettings settings, string attributeName = "AsyncTest") =>
        FluentActions.Invoking(() => Options(settings, attributeName)).Should().Throw<TrioTestConfigurationException>().Which.Message;

    [Fact]
    public void Options_AreTrioTestsDefaults_WhenNothingIsSet()
    {
        TrioTestOptions options = Options(new AsyncTestSettings());
        var defaults = new TrioTestOptions();

        (options.Seed, options.Schedule, options.Iterations, options.Strategy, options.PctDepth, options.AutojumpThreshold, options.VirtualTimeLimit)
            .Should().Be((defaults.Seed, defaults.Schedule, defaults.Iterations, defaults.Strategy, defaults.PctDepth, defaults.AutojumpThreshold, defaults.VirtualTimeLimit));
        (options.Timeout, options.BlockedLoopTimeout, options.StepLimit, options.TraceWindow, options.Strict, options.Shrink)
            .Should().Be((defaults.Timeout, defaults.BlockedLoopTimeout, defaults.StepLimit, defaults.TraceWindow, defaults.Strict, defaults.Shrink));
        (options.TestName, options.ReplayAttribute).Should().Be(("My.Test", "AsyncTest"));
        options.TestAssembly.Should().BeSameAs(typeof(AsyncTestSettingsTests).Assembly);
        options.RegressionFilePath.Should().EndWith(RegressionFile.DefaultFileName, "recording is on by default");
        options.TimelineDirectory.Should().NotBeNull();
    }

    [Fact]
    public void UnsetProperties_ReadAsTheDefaults_InAttributeUnits()
    {
        var settings = new AsyncTestSettings();

        (settings.Seed, settings.Iterations, settings.Strategy, settings.PctDepth, settings.AutojumpThreshold, settings.VirtualTimeLimit)
            .Should().Be(((string?)null, 1, ExplorationStrategy.Random, 3, 0.0, TimeSpan.FromDays(1).TotalMilliseconds));
        (settings.Timeout, settings.BlockedLoopTimeout, settings.StepLimit, settings.TraceWindow, settings.Strict, settings.Shrink, settings.RecordRegressions)
            .Should().Be((0, 0, 0L, 0, true, true, true));
        settings.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void Over_TheTestsValuesWinOverTheDefaults_WhichWinOverTrioTests()
    {
        var attribute = new AsyncTestSettings { Iterations = 7 };
        var defaults = new AsyncTestSettings { Iterations = 50, Strategy = ExplorationStrategy.Pct, Strict = false };

        TrioTestOptions options = Options(attribute.Over(defaults));

        (options.Iterations, options.Strategy, options.Strict, options.PctDepth).Should().Be((7, ExplorationStrategy.Pct, false, 3));
        attribute.Strategy.Should().Be(ExplorationStrategy.Random, "merging leaves both inputs as they were");
    }

    [Theory]
    [InlineData("Iterations", "[AsyncTheory(Iterations = 0)] must be at least 1")]
    [InlineData("Seed", "[AsyncTheory(Seed = \"zz\")] is not a seed")]
    [InlineData("VirtualTimeLimit", "[AsyncTheory(VirtualTimeLimit = -1)] must be a positive number of milliseconds")]
    [InlineData("Timeout", "[AsyncTheory(Timeout = -5)] must be zero")]
    [InlineData("huge VirtualTimeLimit", "[AsyncTheory(VirtualTimeLimit = 1E+300)] must be a positive number of milliseconds from 0.0001 (the clock's resolution) to")]
    [InlineData("tiny VirtualTimeLimit", "[AsyncTheory(VirtualTimeLimit = 1E-05)] must be a positive number of milliseconds from 0.0001")]
    [InlineData("huge AutojumpThreshold", "[AsyncTheory(AutojumpThreshold = 1E+300)] must be zero or a positive number of milliseconds, at most")]
    [InlineData("NaN AutojumpThreshold", "[AsyncTheory(AutojumpThreshold = NaN)] must be zero or a positive number of milliseconds")]
    [InlineData("Strategy", "[AsyncTheory(Strategy = 7)] is not a strategy: use ExplorationStrategy.Random, ExplorationStrategy.Pct or ExplorationStrategy.Fifo.")]
    [InlineData("PctDepth", "[AsyncTheory(PctDepth = 0)] must be at least 1")]
    [InlineData("BlockedLoopTimeout", "[AsyncTheory(BlockedLoopTimeout = -2)] must be zero (the default of one second), -1 (no limit) or a positive number")]
    [InlineData("StepLimit", "[AsyncTheory(StepLimit = -5)] must be zero (the default of 10000000), -1 (no limit) or a positive number of steps")]
    [InlineData("TraceWindow", "[AsyncTheory(TraceWindow = -1)] must be zero (the default of 100000) or a positive number of trace events")]
    public void BadValue_NamesTheAttributeTheValueAndWhatIsAllowed(string property, string message)
    {
        AsyncTestSettings settings = property switch
        {
            "Iterations" => new() { Iterations = 0 },
            "Seed" => new() { Seed = "zz" },
            "VirtualTimeLimit" => new() { VirtualTimeLimit = -1 },
            "huge VirtualTimeLimit" => new() { VirtualTimeLimit = 1e300 },
            "tiny VirtualTimeLimit" => new() { VirtualTimeLimit = 0.00001 },
            "huge AutojumpThreshold" => new() { AutojumpThreshold = 1e300 },
            "NaN AutojumpThreshold" => new() { AutojumpThreshold = double.NaN },
            "Strategy" => new() { Strategy = (ExplorationStrategy)7 },
            "PctDepth" => new() { PctDepth = 0 },
            "BlockedLoopTimeout" => new() { BlockedLoopTimeout = -2 },
            "StepLimit" => new() { StepLimit = -5 },
            "TraceWindow" => new() { TraceWindow = -1 },
            _ => new() { Timeout = -5 },
        };

        Error(settings, "AsyncTheory").Should().StartWith(message);
    }

    [Fact]
    public void BadValueInTheDefaults_IsReportedWithTheTestsAttribute()
    {
        Error(new AsyncTestSettings().Over(new AsyncTestSettings { Iterations = -3 })).Should().StartWith("[AsyncTest(Iterations = -3)] must be at least 1");
    }

    [Fact]
    public void Options_MapMillisecondsAndTheReplayAttribute()
    {
        TrioTestOptions options = Options(new AsyncTestSettings { Seed = "0x2A", AutojumpThreshold = 1.5, Timeout = 250, RecordRegressions = false }, "AsyncTheory");

        options.Seed.Should().Be(new Seed(0x2A));
        options.AutojumpThreshold.Should().Be(TimeSpan.FromMilliseconds(1.5));
        options.Timeout.Should().Be(TimeSpan.FromMilliseconds(250));
        options.RegressionFilePath.Should().BeNull("recording is off");
        options.ReplayAttribute.Should().Be("AsyncTheory");
    }

    [Theory]
    [InlineData(0, 1000)]
    [InlineData(250, 250)]
    [InlineData(-1, -1)]
    public void BlockedLoopTimeout_ZeroIsTheDefault_MinusOneIsNone(int milliseconds, int expected)
    {
        Options(new AsyncTestSettings { BlockedLoopTimeout = milliseconds }).BlockedLoopTimeout
            .Should().Be(expected == -1 ? Timeout.InfiniteTimeSpan : TimeSpan.FromMilliseconds(expected));
    }

    [Theory]
    [InlineData(0L, TrioTestOptions.DefaultStepLimit)]
    [InlineData(5_000L, 5_000L)]
    [InlineData(-1L, -1L)]
    public void StepLimit_ZeroIsTheDefault_MinusOneIsNone(long steps, long expected)
    {
        Options(new AsyncTestSettings { StepLimit = steps }).StepLimit.Should().Be(expected);
    }

    [Theory]
    [InlineData(0, TraceRecorder.DefaultWindow)]
    [InlineData(64, 64)]
    public void TraceWindow_ZeroIsTheDefault(int window, int expected)
    {
        Options(new AsyncTestSettings { TraceWindow = window }).TraceWindow.Should().Be(expected);
    }

    [Fact]
    public void SeedThatIsAShrunkSchedule_ReplaysThatSchedule()
    {
        TrioTestOptions options = Options(new AsyncTestSettings { Seed = " fifo+13:2,30:1@0x2A " });

        options.Seed.Should().BeNull();
        options.Schedule.Should().Be("fifo+13:2,30:1@0x2A");
    }

    [Fact]
    public void MalformedSchedule_SaysWhatIsWrongAndWhatToPaste()
    {
        Error(new AsyncTestSettings { Seed = "fifo+13" }).Should().Be(
            "[AsyncTest(Seed = \"fifo+13\")] is not a schedule: \"13\" is not step:index (such as 13:2, with an index of 1 or more). Paste the value a TrioTest failure report prints after \"replay shrunk\", such as Seed = \"fifo+13:2,30:1@0x9E3779B97F4A7C15\", or a seed such as Seed = \"0x9E3779B97F4A7C15\".");
    }

    [Fact]
    public void ShrinkOffInTheDefaults_TurnsShrinkingOff()
    {
        Options(new AsyncTestSettings().Over(new AsyncTestSettings { Shrink = false })).Shrink.Should().BeFalse();
        Options(new AsyncTestSettings()).Shrink.Should().BeTrue("shrinking is on by default");
    }

    [Fact]
    public void Serialize_WritesOnlyWhatWasSet_AndReadsItBack()
    {
        var settings = new AsyncTestSettings { Seed = "fifo+13:2,30:1@0x2A", Iterations = 5, Strategy = ExplorationStrategy.Pct, AutojumpThreshold = 0.1, Shrink = false, StepLimit = -1 };

        string text = settings.Serialize();
        AsyncTestSettings back = AsyncTestSettings.Deserialize(text);

        text.Should().NotContain("PctDepth").And.NotContain("Timeout", "unset values stay unset, so the assembly's defaults still apply where the case runs");
        back.Serialize().Should().Be(text);
        (back.Seed, back.Iterations, back.Strategy, back.AutojumpThreshold, back.Shrink, back.StepLimit)
            .Should().Be(("fifo+13:2,30:1@0x2A", 5, ExplorationStrategy.Pct, 0.1, false, -1L));
        new AsyncTestSettings().Serialize().Should().BeEmpty();
        AsyncTestSettings.Deserialize("").IsEmpty.Should().BeTrue();
    }

    [Theory]
    [InlineData("Iterations")]
    [InlineData("Nonsense=1")]
    [InlineData("Iterations=many")]
    public void Deserialize_TextItDidNotWrite_IsAFormatException(string text)
    {
        FluentActions.Invoking(() => AsyncTestSettings.Deserialize(text)).Should().Throw<FormatException>().WithMessage($"*\"{text}\"*");
    }
}
