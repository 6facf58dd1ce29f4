namespace TrioTest.NUnit.Tests;

/// <summary>[AsyncTest] used in earnest: these run through the real NUnit3TestAdapter with the rest of the suite.</summary>
public sealed class DogfoodTests
{
    private TimeSpan _startedAt = TimeSpan.MaxValue;

    [SetUp]
    public async Task StartAsync()
    {
        await Trio.SleepAsync(TimeSpan.FromMinutes(1));
        _startedAt = Trio.CurrentTime;
    }

    [AsyncTest]
    public async Task Timeouts_take_no_real_time()
    {
        bool finished = await Trio.MoveOnAfterAsync(TimeSpan.FromSeconds(10), () => Trio.SleepAsync(TimeSpan.FromSeconds(20)).AsTask());

        finished.Should().BeFalse();
        (Trio.CurrentTime - _startedAt).Should().Be(TimeSpan.FromSeconds(10));
    }

    [AsyncTest(Iterations = 20)]
    public async Task Children_interleave_and_the_trace_shows_it()
    {
        await Nursery.RunAsync(nursery =>
        {
            nursery.StartSoon(() => Trio.CheckpointAsync("connect").AsTask(), "a");
            nursery.StartSoon(async () =>
            {
                await Trio.SleepAsync(TimeSpan.FromSeconds(1));
                await Trio.CheckpointAsync("send");
            }, "b");
            return Task.CompletedTask;
        });

        TrioTestContext.Current.Trace.Should().HavePointBefore("a:connect", "b:send", "b sleeps first");
        TestContext.CurrentContext.Test.Properties.Get(AsyncTestAttribute.SeedProperty).Should().Be(TrioTestContext.Current.Seed.ToString());
    }

    [AsyncTest(Iterations = 5)]
    [TestCase(1)]
    [TestCase(60)]
    public async Task Sleeps_advance_virtual_time(int seconds)
    {
        await Trio.SleepAsync(TimeSpan.FromSeconds(seconds));

        Trio.CurrentTime.Should().Be(_startedAt + TimeSpan.FromSeconds(seconds));
    }

    [AsyncTest]
    [TestCase(21, ExpectedResult = 42)]
    public async Task<int> Doubles_after_a_minute(int value)
    {
        await Trio.SleepAsync(TimeSpan.FromMinutes(1));
        return value * 2;
    }

    [AsyncTest]
    [TestCase("beside the project")]
    public async Task Failing_seeds_would_be_recorded_beside_this_project_under_the_full_name(string where)
    {
        await Trio.CheckpointAsync();
        TrioTestOptions options = TrioTestContext.Current.Options;

        options.TestName.Should().Be(TestContext.CurrentContext.Test.FullName).And.EndWith($"(\"{where}\")");
        Path.GetFileName(options.RegressionFilePath).Should().Be(RegressionFile.DefaultFileName);
        File.Exists(Path.Combine(Path.GetDirectoryName(options.RegressionFilePath)!, "TrioTest.NUnit.Tests.csproj")).Should().BeTrue(options.RegressionFilePath);
    }
}
