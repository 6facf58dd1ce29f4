using System.Reflection;
using FluentAssertions;

namespace TrioTest.Testing.Tests.Adapters;

public class TestAdapterSupportTests
{
    private static MethodInfo Method(string name) => typeof(Shapes).GetMethod(name)!;

    [Theory]
    [InlineData(nameof(Shapes.ReturnsTask), false, null)]
    [InlineData(nameof(Shapes.ReturnsValueTaskOfInt), false, null)]
    [InlineData(nameof(Shapes.TakesOnlyAToken), false, null)]
    [InlineData(nameof(Shapes.AsyncVoid), false, "[AsyncTest] method Shapes.AsyncVoid is 'async void': its failures would escape the test. Declare it 'async Task'.")]
    [InlineData(nameof(Shapes.Synchronous), false, "[AsyncTest] method Shapes.Synchronous returns Int32, but TrioTest runs async code: declare it 'async Task' (or 'Task'/'ValueTask'), or use [Fact] for synchronous tests.")]
    [InlineData(nameof(Shapes.TakesData), false, "[AsyncTest] method Shapes.TakesData has parameters, but [AsyncTest] passes no arguments: use [AsyncTheory] with [InlineData] rows, or remove the parameters.")]
    [InlineData(nameof(Shapes.TakesData), true, null)]
    [InlineData(nameof(Shapes.Generic), false, "[AsyncTest] method Shapes.Generic is generic, and nothing says what its type arguments are: make it non-generic (call a generic helper from it), or use [AsyncTheory] with [InlineData] rows that fix them.")]
    public void CheckMethod_SaysWhatToChange(string name, bool takesArguments, string? expected)
    {
        TestAdapterSupport.CheckMethod(Method(name), "AsyncTest", takesArguments, "[AsyncTheory] with [InlineData] rows", "[Fact]").Should().Be(expected);
    }

    [Fact]
    public void CheckMethod_WithoutAPlainAttribute_LeavesTheAlternativeOut()
    {
        TestAdapterSupport.CheckMethod(Method(nameof(Shapes.Synchronous)), "AsyncTestMethod", true, "[DataRow] rows")
            .Should().EndWith("declare it 'async Task' (or 'Task'/'ValueTask').");
    }

    [Fact]
    public void TestName_IsTheClassAndMethod_WithTheRowsValuesInOneFormForEveryFramework()
    {
        TestAdapterSupport.TestName(typeof(Shapes), Method(nameof(Shapes.ReturnsTask)), null).Should().Be("TrioTest.Testing.Tests.Adapters.TestAdapterSupportTests+Shapes.ReturnsTask");
        TestAdapterSupport.TestName(typeof(Shapes), Method(nameof(Shapes.TakesData)), [3, "eur"]).Should().EndWith("Shapes.TakesData(3, \"eur\")");
        TestAdapterSupport.TestName(typeof(Shapes), Method(nameof(Shapes.TakesData)), [1.5, null, 'x', true]).Should().EndWith("Shapes.TakesData(1.5, null, 'x', true)", "values are formatted in the invariant culture");
        TestAdapterSupport.TestName(typeof(Shapes), Method(nameof(Shapes.Generic)).MakeGenericMethod(typeof(int)), null).Should().EndWith("Shapes.Generic<Int32>");
    }

    [Fact]
    public async Task InvokeAsync_AwaitsEachAwaitable_AndReturnsItsResult()
    {
        var shapes = new Shapes();

        (await TestAdapterSupport.InvokeAsync(Method(nameof(Shapes.ReturnsValueTaskOfInt)), shapes, null)).Should().Be(42);
        (await TestAdapterSupport.InvokeAsync(Method(nameof(Shapes.ReturnsTaskOfString)), shapes, null)).Should().Be("done");
        (await TestAdapterSupport.InvokeAsync(Method(nameof(Shapes.ReturnsTask)), shapes, null)).Should().BeNull();
        (await TestAdapterSupport.InvokeAsync(Method(nameof(Shapes.TakesData)), shapes, [3, "x"])).Should().BeNull();
        (await TestAdapterSupport.InvokeAsync(Method(nameof(Shapes.Synchronous)), shapes, null)).Should().Be(7);
        shapes.Calls.Should().Equal("ValueTask<int>", "Task<string>", "Task", "3x", "sync");
    }

    [Fact]
    public async Task InvokeAsync_RethrowsTheMethodsOwnException()
    {
        Func<Task> act = () => TestAdapterSupport.InvokeAsync(Method(nameof(Shapes.Throws)), new Shapes(), null);

        (await act.Should().ThrowAsync<InvalidTimeZoneException>()).Which.StackTrace.Should().Contain(nameof(Shapes.Throws));
    }

    [Fact]
    public async Task InvokeAsync_DataRowOfTheWrongArity_NamesTheParametersAndTheValues()
    {
        Func<Task> act = () => TestAdapterSupport.InvokeAsync(Method(nameof(Shapes.TakesData)), new Shapes(), [1]);

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage(
            "Shapes.TakesData takes 2 parameter(s) (Int32 count, String name), but its data row gives 1 value(s) (1 (Int32)): make every data row match the parameters' number and types.");
    }

    [Fact]
    public async Task InvokeAsync_NullTask_SaysToReturnTheTask()
    {
        Func<Task> act = () => TestAdapterSupport.InvokeAsync(Method(nameof(Shapes.ReturnsNull)), new Shapes(), null);

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("Shapes.ReturnsNull returned a null Task: return the task of its async work.");
    }

    [Fact]
    public void InvokeAsync_OnTheLoop_FillsATrailingTokenWithTheLoops()
    {
        var shapes = new Shapes();
        CancellationToken loop = default;

        TrioTestResult result = TrioTestRunner.Run(async () =>
        {
            loop = Trio.CancellationToken;
            await TestAdapterSupport.InvokeAsync(Method(nameof(Shapes.TakesOnlyAToken)), shapes, null);
        }, new TrioTestOptions { GetEnvironmentVariable = _ => null });

        result.Passed.Should().BeTrue(result.Report);
        shapes.Token.Should().Be(loop);
        shapes.Token.CanBeCanceled.Should().BeTrue("the loop's token is cancelled when the test is stopped");
    }

    [Fact]
    public void FormatTraceTail_ShowsTheLastEventsWithTheSeed()
    {
        TrioTestResult result = TrioTestRunner.Run(async () =>
        {
            await Trio.SleepAsync(TimeSpan.FromSeconds(1));
            throw new InvalidOperationException("boom");
        }, new TrioTestOptions { Seed = 0x2A, GetEnvironmentVariable = _ => null, Shrink = false });

        string tail = TestAdapterSupport.FormatTraceTail(result, 3);

        tail.Should().StartWith($"TrioTest trace of seed 0x000000000000002A, last 3 of {result.Trace.Count} events:");
        tail.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(5, "a heading, the table's header and three events");
        TestAdapterSupport.FormatTraceTail(result, 0).Should().BeEmpty();
    }

    public sealed class Shapes
    {
        public List<string> Calls { get; } = [];

        public CancellationToken Token { get; private set; }

        public Task ReturnsTask()
        {
            Calls.Add("Task");
            return Task.CompletedTask;
        }

        public Task<string> ReturnsTaskOfString()
        {
            Calls.Add("Task<string>");
            return Task.FromResult("done");
        }

        public async ValueTask<int> ReturnsValueTaskOfInt()
        {
            await Task.Yield();
            Calls.Add("ValueTask<int>");
            return 42;
        }

        public Task? ReturnsNull() => null;

        public Task TakesData(int count, string name)
        {
            Calls.Add($"{count}{name}");
            return Task.CompletedTask;
        }

        public Task TakesOnlyAToken(CancellationToken cancellationToken)
        {
            Token = cancellationToken;
            return Task.CompletedTask;
        }

        public Task Throws() => throw new InvalidTimeZoneException("mine");

#pragma warning disable VSTHRD100 // the shape under test
        public async void AsyncVoid() => await Task.Yield();
#pragma warning restore VSTHRD100

        public int Synchronous()
        {
            Calls.Add("sync");
            return 7;
        }

        public Task Generic<T>() => Task.CompletedTask;
    }
}
