using TrioTest.MSTest;

namespace TrioTest.MSTest.Tests;

/// <summary>[AsyncTestMethod] used in earnest, under VSTest: these run on the loop in this very test run.</summary>
[TestClass]
public sealed class DogfoodTests
{
    private string _setUp = "not set up";

    public TestContext TestContext { get; set; } = null!;

    [TestInitialize]
    public async Task InitializeAsync()
    {
        await Trio.SleepAsync(TimeSpan.FromSeconds(30));
        _setUp = $"set up at {Trio.CurrentTime}";
    }

    [AsyncTestMethod]
    public async Task Timeouts_take_no_real_time()
    {
        bool finished = await Trio.MoveOnAfterAsync(TimeSpan.FromSeconds(10), () => Trio.SleepAsync(TimeSpan.FromSeconds(20)).AsTask());

        finished.Should().BeFalse();
        Trio.CurrentTime.Should().Be(TimeSpan.FromSeconds(40));
        _setUp.Should().Be("set up at 00:00:30");
    }

    [AsyncTestMethod(Iterations = 20)]
    [DataRow(2)]
    [DataRow(5)]
    public async Task Workers_share_a_counter_under_a_lock(int workers)
    {
        int counter = 0;
        var gate = new AsyncLock("counter");

        await Nursery.RunAsync(nursery =>
        {
            for (int i = 0; i < workers; i++)
            {
                nursery.StartSoon(async () =>
                {
                    using (await gate.LockAsync())
                    {
                        int read = counter;
                        await Trio.CheckpointAsync("read");
                        counter = read + 1;
                    }
                });
            }

            return Task.CompletedTask;
        });

        counter.Should().Be(workers);
    }

    [AsyncTestMethod]
    public async Task TestContext_is_the_running_tests()
    {
        await Trio.CheckpointAsync();

        TestContext.TestName.Should().Be(nameof(TestContext_is_the_running_tests));
    }
}
