namespace TrioTest.NUnit.Tests.Fixtures;

// No [TestFixture]: [AsyncTest] alone makes the class a fixture, as [Test] does.
public sealed class BasicFixtures
{
    [SetUp]
    public void SetUp() => Observations.Add("setup", Observations.Where());

    [SetUp]
    public async Task SetUpAsync()
    {
        await Trio.CheckpointAsync("setting up");
        Observations.Add("setup-async", Observations.Where());
    }

    [TearDown]
    public async Task TearDownAsync()
    {
        await Trio.CheckpointAsync("tearing down");
        Observations.Add("teardown-async", Observations.Where());
    }

    [TearDown]
    public void TearDown() => Observations.Add("teardown", Observations.Where());

    [AsyncTest]
    public async Task Passes()
    {
        Observations.Add("body", Observations.Where());
        await Trio.SleepAsync(TimeSpan.FromHours(1));
        Assert.That(Trio.CurrentTime, Is.EqualTo(TimeSpan.FromHours(1)));
    }

    [AsyncTest]
    public async Task Fails()
    {
        await Trio.CheckpointAsync("before the failure");
        throw new InvalidOperationException("the fixture fails on purpose");
    }

    [AsyncTest]
    public async Task Fails_an_assertion()
    {
        await Trio.CheckpointAsync("before the assertion");
        Assert.That(1 + 1, Is.EqualTo(3));
    }

    [AsyncTest]
    public async Task Hangs_inside_a_one_hour_FailAfter()
    {
        await Trio.FailAfterAsync(TimeSpan.FromHours(1), async () => await Trio.SleepForeverAsync());
    }

    [AsyncTest]
    public async Task Writes_output()
    {
        await Trio.CheckpointAsync();
        TestContext.Out.WriteLine($"hello from seed {TrioTestContext.Current.Seed}");
        TestContext.Out.WriteLine($"property {TestContext.CurrentContext.Test.Properties.Get(AsyncTestAttribute.SeedProperty)}");
    }

    [AsyncTest]
    [Category("trio")]
    [Property("Owner", "ops")]
    [Description("a described test")]
    public async Task Categorized()
    {
        await Trio.CheckpointAsync();
        Observations.Add("categories", string.Join(",", TestContext.CurrentContext.Test.Properties["Category"]));
    }

    [AsyncTest]
    public async ValueTask Returns_a_ValueTask() => await Trio.CheckpointAsync();

    [AsyncTest]
    public static async Task Is_static() => await Trio.CheckpointAsync();

    [AsyncTest(Iterations = 6)]
    public async Task Explores_six_schedules()
    {
        await Trio.CheckpointAsync();
        Observations.Add("explored", $"{TrioTestContext.Current.Schedule}/{TrioTestContext.Current.Schedules}");
    }

    [AsyncTest(Iterations = 2)]
    [Repeat(3)]
    public async Task Is_repeated()
    {
        await Trio.CheckpointAsync();
        Observations.Add("repeated", $"{TrioTestContext.Current.Schedule}/{TrioTestContext.Current.Schedules}");
    }
}
