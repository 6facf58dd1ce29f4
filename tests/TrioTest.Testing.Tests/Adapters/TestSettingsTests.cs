using FluentAssertions;

namespace TrioTest.Testing.Tests.Adapters;

public class TestSettingsTests
{
    [Fact]
    public void Resolve_AttributeWinsOverDefaultsWhichWinOverTrioTest()
    {
        var attribute = new AttributeSettings { Iterations = 7 };
        var defaults = new AttributeSettings { Iterations = 50, Strategy = ExplorationStrategy.Pct, Strict = false };

        TestSettings? settings = TestSettings.Resolve(attribute, defaults, "AsyncTest", out string? error);

        error.Should().BeNull();
        settings.Should().Be(new TestSettings(null, 7, ExplorationStrategy.Pct, 3, 0, TimeSpan.FromDays(1).TotalMilliseconds, 0, false, true));
    }

    [Theory]
    [InlineData("Iterations", "[AsyncTheory(Iterations = 0)] must be at least 1")]
    [InlineData("Seed", "[AsyncTheory(Seed = \"zz\")] is not a seed")]
    [InlineData("VirtualTimeLimit", "[AsyncTheory(VirtualTimeLimit = -1)] must be a positive number of milliseconds")]
    [InlineData("Timeout", "[AsyncTheory(Timeout = -5)] must be zero")]
    [InlineData("huge VirtualTimeLimit", "[AsyncTheory(VirtualTimeLimit = 1E+300)] must be a positive number of milliseconds from 0.0001 (the clock's resolution) to")]
    [InlineData("tiny VirtualTimeLimit", "[AsyncTheory(VirtualTimeLimit = 1E-05)] must be a positive number of milliseconds from 0.0001")]
    [InlineData("huge AutojumpThreshold", "[AsyncTheory(AutojumpThreshold = 1E+300)] must be zero or a positive number of milliseconds, at most")]
    public void Resolve_BadValue_NamesTheAttributeTheValueAndWhatIsAllowed(string property, string message)
    {
        var attribute = property switch
        {
            "Iterations" => new AttributeSettings { Iterations = 0 },
            "Seed" => new AttributeSettings { Seed = "zz" },
            "VirtualTimeLimit" => new AttributeSettings { VirtualTimeLimit = -1 },
            "huge VirtualTimeLimit" => new AttributeSettings { VirtualTimeLimit = 1e300 },
            "tiny VirtualTimeLimit" => new AttributeSettings { VirtualTimeLimit = 0.00001 },
            "huge AutojumpThreshold" => new AttributeSettings { AutojumpThreshold = 1e300 },
            _ => new AttributeSettings { Timeout = -5 },
        };

        TestSettings? settings = TestSettings.Resolve(attribute, null, "AsyncTheory", out string? error);

        settings.Should().BeNull();
        error.Should().StartWith(message);
    }

    [Fact]
    public void ToOptions_MapsMillisecondsAndTheReplayAttribute()
    {
        TestSettings settings = TestSettings.Resolve(new AttributeSettings { Seed = "0x2A", AutojumpThreshold = 1.5, Timeout = 250, RecordRegressions = false }, null, "AsyncTest", out _)!;

        TrioTestOptions options = settings.ToOptions("My.Test", "/tmp/regressions.txt", "AsyncTheory");

        options.Seed.Should().Be(0x2AUL);
        options.AutojumpThreshold.Should().Be(TimeSpan.FromMilliseconds(1.5));
        options.Timeout.Should().Be(TimeSpan.FromMilliseconds(250));
        options.RegressionFilePath.Should().BeNull("recording is off");
        options.ReplayAttribute.Should().Be("AsyncTheory");
        options.TestName.Should().Be("My.Test");
    }

    [Theory]
    [InlineData(0, 1000)]
    [InlineData(250, 250)]
    [InlineData(-1, -1)]
    public void ToOptions_BlockedLoopTimeout_ZeroIsTheDefault_MinusOneIsNone(int milliseconds, int expected)
    {
        TestSettings settings = TestSettings.Resolve(new AttributeSettings { BlockedLoopTimeout = milliseconds }, null, "AsyncTest", out _)!;

        TimeSpan limit = settings.ToOptions("My.Test", null).BlockedLoopTimeout;

        limit.Should().Be(expected == -1 ? Timeout.InfiniteTimeSpan : TimeSpan.FromMilliseconds(expected));
    }

    [Fact]
    public void Resolve_BlockedLoopTimeoutBelowMinusOne_SaysWhatIsAllowed()
    {
        TestSettings.Resolve(new AttributeSettings { BlockedLoopTimeout = -2 }, null, "AsyncTest", out string? error).Should().BeNull();

        error.Should().StartWith("[AsyncTest(BlockedLoopTimeout = -2)] must be zero (the default of one second), -1 (no limit) or a positive number");
    }

    [Theory]
    [InlineData(0L, TrioTestOptions.DefaultStepLimit)]
    [InlineData(5_000L, 5_000L)]
    [InlineData(-1L, -1L)]
    public void ToOptions_StepLimit_ZeroIsTheDefault_MinusOneIsNone(long steps, long expected)
    {
        TestSettings settings = TestSettings.Resolve(new AttributeSettings { StepLimit = steps }, null, "AsyncTest", out _)!;

        settings.ToOptions("My.Test", null).StepLimit.Should().Be(expected);
    }

    [Theory]
    [InlineData(0, TraceRecorder.DefaultWindow)]
    [InlineData(64, 64)]
    public void ToOptions_TraceWindow_ZeroIsTheDefault(int window, int expected)
    {
        TestSettings settings = TestSettings.Resolve(new AttributeSettings { TraceWindow = window }, null, "AsyncTest", out _)!;

        settings.ToOptions("My.Test", null).TraceWindow.Should().Be(expected);
    }

    [Fact]
    public void Resolve_StepLimitBelowMinusOne_SaysWhatIsAllowed()
    {
        TestSettings.Resolve(new AttributeSettings { StepLimit = -5 }, null, "AsyncTest", out string? error).Should().BeNull();

        error.Should().StartWith("[AsyncTest(StepLimit = -5)] must be zero (the default of 10000000), -1 (no limit) or a positive number of steps");
    }

    [Fact]
    public void Resolve_NegativeTraceWindow_SaysWhatIsAllowed()
    {
        TestSettings.Resolve(new AttributeSettings { TraceWindow = -1 }, null, "AsyncTheory", out string? error).Should().BeNull();

        error.Should().StartWith("[AsyncTheory(TraceWindow = -1)] must be zero (the default of 100000) or a positive number of trace events");
    }

    [Fact]
    public void Resolve_SeedThatIsAShrunkSchedule_ReplaysThatSchedule()
    {
        var attribute = new AttributeSettings { Seed = " fifo+13:2,30:1@0x2A " };

        TestSettings? settings = TestSettings.Resolve(attribute, null, "AsyncTest", out string? error);
        TrioTestOptions options = settings!.ToOptions("Tests.T", regressionFile: null);

        error.Should().BeNull();
        settings.Seed.Should().BeNull();
        settings.Schedule.Should().Be("fifo+13:2,30:1@0x2A");
        options.Schedule.Should().Be("fifo+13:2,30:1@0x2A");
    }

    [Fact]
    public void Resolve_MalformedSchedule_SaysWhatIsWrongAndWhatToPaste()
    {
        TestSettings.Resolve(new AttributeSettings { Seed = "fifo+13" }, null, "AsyncTest", out string? error).Should().BeNull();

        error.Should().Be("[AsyncTest(Seed = \"fifo+13\")] is not a schedule: \"13\" is not step:index (such as 13:2, with an index of 1 or more). Paste the value a TrioTest failure report prints after \"replay shrunk\", such as Seed = \"fifo+13:2,30:1@0x9E3779B97F4A7C15\", or a seed such as Seed = \"0x9E3779B97F4A7C15\".");
    }

    [Fact]
    public void Resolve_ShrinkOffInTheDefaults_TurnsShrinkingOff()
    {
        TestSettings? settings = TestSettings.Resolve(new AttributeSettings(), new AttributeSettings { Shrink = false }, "AsyncTest", out _);

        settings!.Shrink.Should().BeFalse();
        settings.ToOptions("Tests.T", regressionFile: null).Shrink.Should().BeFalse();
        TestSettings.Resolve(new AttributeSettings(), null, "AsyncTest", out _)!.ToOptions("Tests.T", null).Shrink.Should().BeTrue("shrinking is on by default");
    }
}
