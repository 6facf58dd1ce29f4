using FluentAssertions;

namespace TrioTest.Testing.Tests.Adapters;

public class TestFailuresTests
{
    [Fact]
    public void NoFailure_ThrowsNothing()
    {
        var failures = new TestFailures();

        failures.Run(() => { });

        failures.Count.Should().Be(0);
        failures.Invoking(f => f.ThrowIfAny()).Should().NotThrow();
    }

    [Fact]
    public async Task OneFailure_IsRethrownAsItself_WithItsStack()
    {
        var failures = new TestFailures();

        await failures.RunAsync(BodyFailsAsync);

        failures.Invoking(f => f.ThrowIfAny()).Should().Throw<InvalidOperationException>().WithMessage("body")
            .Which.StackTrace.Should().Contain(nameof(BodyFailsAsync));
    }

    [Fact]
    public async Task EveryStageRuns_AndSeveralFailuresAreOneAggregate_EarliestFirst()
    {
        var failures = new TestFailures();
        bool cleanedUp = false;

        await failures.RunAsync(BodyFailsAsync);
        failures.Run(() => throw new FormatException("cleanup"));
        failures.Run(() => cleanedUp = true);

        cleanedUp.Should().BeTrue("a stage runs whatever failed before it");
        failures.Invoking(f => f.ThrowIfAny()).Should().Throw<AggregateException>()
            .Which.InnerExceptions.Select(e => e.Message).Should().Equal("body", "cleanup");
    }

    [Fact]
    public void CreateInstance_RethrowsTheConstructorsOwnException()
    {
        FluentActions.Invoking(() => TestAdapterSupport.CreateInstance(typeof(Failing), null)).Should().Throw<TimeoutException>().WithMessage("constructor");
        TestAdapterSupport.CreateInstance(typeof(Disposable), null).Should().BeOfType<Disposable>();
    }

    [Fact]
    public async Task DisposeAsync_PrefersDisposeAsync_AndTakesNull()
    {
        var disposable = new Disposable();

        await TestAdapterSupport.DisposeAsync(disposable);
        await TestAdapterSupport.DisposeAsync(null);

        disposable.Calls.Should().Equal("DisposeAsync");
    }

    private static async Task BodyFailsAsync()
    {
        await Task.Yield();
        throw new InvalidOperationException("body");
    }

    private sealed class Failing
    {
        public Failing() => throw new TimeoutException("constructor");
    }

    private sealed class Disposable : IDisposable, IAsyncDisposable
    {
        public List<string> Calls { get; } = [];

        public void Dispose() => Calls.Add("Dispose");

        public ValueTask DisposeAsync()
        {
            Calls.Add("DisposeAsync");
            return ValueTask.CompletedTask;
        }
    }
}
