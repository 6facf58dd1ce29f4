namespace TrioTest.NUnit.Tests.Fixtures;

public sealed class AssertFixtures
{
    [AsyncTest]
    public async Task Multiple_fails_with_every_failure()
    {
        await Trio.CheckpointAsync();
        Assert.Multiple(() =>
        {
            Assert.That(1, Is.EqualTo(2), "first");
            Assert.That(3, Is.EqualTo(4), "second");
        });
    }

    [AsyncTest]
    public async Task Multiple_scope_across_awaits_passes()
    {
        using (Assert.EnterMultipleScope())
        {
            await Trio.CheckpointAsync();
            Assert.That(1, Is.EqualTo(1));
            await Trio.SleepAsync(TimeSpan.FromSeconds(1));
            Assert.That(Trio.CurrentTime, Is.EqualTo(TimeSpan.FromSeconds(1)));
        }
    }

    [AsyncTest]
    public async Task Leaves_a_scope_open()
    {
        await Trio.CheckpointAsync();
        _ = Assert.EnterMultipleScope();
    }

    [AsyncTest]
    public async Task Catches_its_own_assertion()
    {
        await Trio.CheckpointAsync();
        try
        {
            Assert.That("caught", Is.EqualTo("swallowed"));
        }
        catch (AssertionException)
        {
        }
    }

    [AsyncTest]
    public async Task Warns()
    {
        await Trio.CheckpointAsync();
        Assert.Warn("careful");
    }

    [AsyncTest]
    public async Task Ignores()
    {
        await Trio.CheckpointAsync();
        Assert.Ignore("not today");
    }

    // Blocking asserts on async code, on purpose: the analyzer flags them (TRIO008), the run must name the awaitable form.
#pragma warning disable TRIO008
    [AsyncTest]
    public async Task Blocking_ThrowsAsync_on_the_loop()
    {
        await Trio.CheckpointAsync();
        Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await Trio.SleepAsync(TimeSpan.FromSeconds(1));
            throw new InvalidOperationException("late");
        });
    }

    [AsyncTest]
    public async Task Blocking_Multiple_with_async_code_on_the_loop()
    {
        await Trio.CheckpointAsync();
        Assert.Multiple(async () =>
        {
            await Trio.SleepAsync(TimeSpan.FromSeconds(1));
            Assert.That(Trio.CurrentTime, Is.EqualTo(TimeSpan.FromSeconds(1)));
        });
    }
#pragma warning restore TRIO008
}
