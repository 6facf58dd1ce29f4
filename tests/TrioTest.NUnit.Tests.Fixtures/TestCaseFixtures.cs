namespace TrioTest.NUnit.Tests.Fixtures;

public sealed class TestCaseFixtures
{
    public static IEnumerable<TestCaseData> SleepCases => [new TestCaseData(1), new TestCaseData(3).SetName("Sleeps three seconds")];

    // The test counts the runs of each case, one failing: no shrinking, which would run it again.
    [AsyncTest(Shrink = false)]
    [TestCase(1, 2)]
    [TestCase(2, 4)]
    [TestCase(3, 7)]
    public async Task Doubles(int value, int expected)
    {
        await Trio.CheckpointAsync();
        Observations.Add("case-where", Observations.Where());
        Assert.That(value * 2, Is.EqualTo(expected));
    }

    [AsyncTest]
    [TestCase(7, "seven")]
    public async Task Names_itself(int value, string name)
    {
        await Trio.CheckpointAsync();
        TrioTestOptions options = TrioTestContext.Current.Options;
        Observations.Add("names", $"{options.TestName} | {options.RegressionFilePath ?? "no regression file"} | {options.ReplayAttribute} | {value} {name}");
    }

    [AsyncTest]
    [TestCaseSource(nameof(SleepCases))]
    public async Task Sleeps(int seconds)
    {
        await Trio.SleepAsync(TimeSpan.FromSeconds(seconds));
        Assert.That(Trio.CurrentTime, Is.EqualTo(TimeSpan.FromSeconds(seconds)));
    }

    [AsyncTest(Iterations = 3)]
    [TestCase(2, ExpectedResult = 4)]
    [TestCase(3, ExpectedResult = 7)]
    public async Task<int> Doubled(int value)
    {
        await Trio.CheckpointAsync();
        return value * 2;
    }

    [AsyncTest(ExpectedResult = 42)]
    public async Task<int> Answers()
    {
        await Trio.SleepAsync(TimeSpan.FromSeconds(1));
        return 42;
    }

    [AsyncTest(ExpectedResult = "no")]
    public async ValueTask<string> Answers_wrongly()
    {
        await Trio.CheckpointAsync();
        return "yes";
    }

    [AsyncTest(Iterations = 3)]
    public async Task Takes_a_token(CancellationToken token)
    {
        Observations.Add("token", $"{token.CanBeCanceled} {token.Equals(Trio.CancellationToken)} {token.IsCancellationRequested}");
        await Trio.CheckpointAsync();
    }

    [AsyncTest]
    [TestCase(5)]
    public async Task Takes_data_and_a_token(int count, CancellationToken token)
    {
        Observations.Add("token", $"{count} {token.Equals(Trio.CancellationToken)}");
        await Trio.CheckpointAsync();
    }

    [AsyncTest]
    public async Task Sees_its_token_cancelled_with_its_scope(CancellationToken token)
    {
        using CancellationTokenRegistration registration = token.Register(() => Observations.Add("token", $"cancelled on the loop {Trio.IsInRun}"));
        Trio.CurrentCancelScope.Cancel();

        // The scope delivers its cancellation here: the token fires, and the scope absorbs its own Cancelled.
        await Trio.CheckpointAsync();
        Observations.Add("token", "not reached");
    }
}

public sealed class CancelAfterFixtures
{
    // The clock waits a minute of real idle time before it jumps, so NUnit's CancelAfter always lands inside the sleep.
    [AsyncTest(AutojumpThreshold = 60_000)]
    [CancelAfter(20)]
    public async Task Waits_until_NUnit_cancels_it(CancellationToken token)
    {
        using CancellationTokenRegistration registration = token.Register(() => Observations.Add("cancel-after", $"token cancelled on the loop {Trio.IsInRun}"));
        await Trio.SleepAsync(TimeSpan.FromSeconds(1));
    }
}
