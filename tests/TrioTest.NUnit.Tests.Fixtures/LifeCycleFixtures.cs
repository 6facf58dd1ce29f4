using System.Runtime.CompilerServices;
using NUnit.Framework.Interfaces;

namespace TrioTest.NUnit.Tests.Fixtures;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class FreshInstanceFixtures : IDisposable
{
    public FreshInstanceFixtures() => Observations.Add("ctor", Observations.Where());

    [SetUp]
    public void SetUp() => Observations.Add("setup-instance", $"{RuntimeHelpers.GetHashCode(this)}");

    public void Dispose() => Observations.Add("dispose", Observations.Where());

    [AsyncTest(Iterations = 7)]
    public async Task Gets_a_fresh_instance_per_schedule()
    {
        await Trio.CheckpointAsync();
        Observations.Add("instances", $"{RuntimeHelpers.GetHashCode(this)}");
    }
}

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class AsyncDisposeFixtures : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await Trio.SleepAsync(TimeSpan.FromSeconds(5));
        Observations.Add("disposed-at", Trio.CurrentTime.ToString());
    }

    [AsyncTest(Iterations = 3)]
    public async Task Awaits_the_loop_when_disposed() => await Trio.CheckpointAsync();
}

public sealed class SharedInstanceFixtures
{
    private string _prepared = "not prepared";

    [OneTimeSetUp]
    public void Prepare() => _prepared = "prepared once";

    [AsyncTest(Iterations = 5)]
    public async Task Uses_NUnit_s_instance_in_every_schedule()
    {
        await Trio.CheckpointAsync();
        Observations.Add("instances", $"{RuntimeHelpers.GetHashCode(this)} {_prepared}");
    }
}

public class BaseLevelFixtures
{
    [SetUp]
    public async Task BaseSetUpAsync()
    {
        await Trio.CheckpointAsync();
        Observations.Add("order", "base setup");
    }

    [TearDown]
    public void BaseTearDown() => Observations.Add("order", "base teardown");
}

public sealed class DerivedLevelFixtures : BaseLevelFixtures
{
    [SetUp]
    public void DerivedSetUp() => Observations.Add("order", "derived setup");

    [TearDown]
    public async Task DerivedTearDownAsync()
    {
        await Trio.CheckpointAsync();
        Observations.Add("order", "derived teardown");
    }

    [AsyncTest(Iterations = 2)]
    [LogAction]
    public Task Runs_levels_in_order()
    {
        Observations.Add("order", "body");
        return Task.CompletedTask;
    }

    // The test counts set-ups and tear-downs: no shrinking, which would run the failing body again.
    [AsyncTest(Shrink = false)]
    public async Task Fails_and_still_tears_down()
    {
        await Trio.CheckpointAsync();
        Observations.Add("order", "body");
        throw new InvalidOperationException("the body fails");
    }

    /// <summary>A method-level test action: NUnit runs it inside set-up, so TrioTest does too, per schedule.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    private sealed class LogActionAttribute : Attribute, ITestAction
    {
        public ActionTargets Targets => ActionTargets.Test;

        public void BeforeTest(ITest test) => Observations.Add("order", $"before action {Trio.IsInRun}");

        public void AfterTest(ITest test) => Observations.Add("order", $"after action {Trio.IsInRun}");
    }
}

public sealed class FailingSetUpFixtures
{
    [SetUp]
    public async Task SetUpAsync()
    {
        await Trio.SleepAsync(TimeSpan.FromSeconds(5));
        throw new InvalidOperationException("set-up fails on purpose");
    }

    [TearDown]
    public void TearDown() => Observations.Add("failing-setup", $"teardown at {Trio.CurrentTime}");

    // The test counts tear-downs: no shrinking, which would run the failing set-up again.
    [AsyncTest(Shrink = false)]
    public Task Never_runs()
    {
        Observations.Add("failing-setup", "body");
        return Task.CompletedTask;
    }
}
