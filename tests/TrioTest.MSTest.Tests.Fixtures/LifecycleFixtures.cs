using TrioTest.MSTest;

namespace TrioTest.MSTest.Tests.Fixtures;

[TestClass]
public sealed class LifecycleFixtures : IDisposable
{
    public LifecycleFixtures() => Where.Log("constructor");

    [TestInitialize]
    public async Task InitializeAsync()
    {
        await Trio.SleepAsync(TimeSpan.FromMinutes(1));
        Where.Log("initialize");
    }

    [TestCleanup]
    public async Task CleanupAsync()
    {
        await Trio.CheckpointAsync();
        Where.Log("cleanup");
    }

    public void Dispose() => Where.Log("dispose");

    [AsyncTestMethod]
    public async Task Runs_every_stage_on_the_loop()
    {
        Where.Log("body");
        await Trio.SleepAsync(TimeSpan.FromHours(1));
        Assert.AreEqual(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1), Trio.CurrentTime);
    }

    [AsyncTestMethod(Iterations = 3)]
    public async Task Gets_a_fresh_instance_per_schedule()
    {
        await Trio.CheckpointAsync();
        Console.WriteLine($"instance {System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this)}");
    }
}
