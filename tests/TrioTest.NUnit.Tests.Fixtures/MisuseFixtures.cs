// These fixtures misuse [AsyncTest] on purpose, to test the adapter's discovery messages: TRIO007 says the same at compile time.
#pragma warning disable TRIO007
namespace TrioTest.NUnit.Tests.Fixtures;

public sealed class MisuseFixtures
{
    [AsyncTest(Iterations = 0)]
    public Task Zero_iterations() => Task.CompletedTask;

    [AsyncTest(Seed = "0xNOTHEX")]
    public Task Malformed_seed() => Task.CompletedTask;

    [AsyncTest(AutojumpThreshold = -5)]
    public Task Negative_threshold() => Task.CompletedTask;

    [AsyncTest(PctDepth = 0, Strategy = ExplorationStrategy.Pct)]
    public Task Zero_depth() => Task.CompletedTask;

    [AsyncTest(Timeout = -1)]
    public Task Negative_timeout() => Task.CompletedTask;

    [AsyncTest]
    public async void Async_void() => await Task.Yield();

    [AsyncTest]
    public void Not_async()
    {
    }

    [AsyncTest(Iterations = -1)]
    [TestCase(1)]
    public Task Test_case_with_bad_iterations(int value) => Task.FromResult(value);

    [AsyncTest]
    [TestCase(1)]
    public void Test_case_not_async(int value)
    {
    }

    [AsyncTest(ExpectedResult = 2)]
    [TestCase(1, ExpectedResult = 1)]
    public Task<int> Expected_result_on_a_parameterized_method(int value) => Task.FromResult(value);

    [AsyncTest]
    [MaxTime(1000)]
    public Task With_MaxTime() => Task.CompletedTask;
}

public sealed class AsyncVoidSetUpFixtures
{
    [SetUp]
    public async void SetUpAsync() => await Task.Yield();

    [AsyncTest]
    public Task Has_an_async_void_set_up() => Task.CompletedTask;
}
