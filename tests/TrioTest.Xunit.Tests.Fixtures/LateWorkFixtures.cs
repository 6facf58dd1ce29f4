using TrioTest.Testing;
using Xunit;

namespace TrioTest.Xunit.Tests.Fixtures;

/// <summary>
/// One test leaves an <c>async void</c> behind that throws when it resumes after the test ended; a hundred others run
/// beside it. The first of them to run after it (or the caller, if it runs last) lets the leftover resume.
/// </summary>
public sealed class LateWorkFixtures
{
    /// <summary>What the leftover awaits; completed synchronously, so its continuation is posted from the releasing thread.</summary>
    public static TaskCompletionSource Gate { get; private set; } = new();

    /// <summary>1 once the leaving test has started its leftover.</summary>
    private static int s_left;

    public static IEnumerable<object[]> Rows => Enumerable.Range(1, 100).Select(static i => new object[] { i });

    /// <summary>Resets the fixture before a pipeline run.</summary>
    public static void Reset()
    {
        Gate = new TaskCompletionSource();
        s_left = 0;
    }

    [AsyncTest]
    public Task Leaves_an_async_void_behind()
    {
        Later();
        Volatile.Write(ref s_left, 1);
        return Task.CompletedTask;
    }

    [AsyncTheory]
    [MemberData(nameof(Rows))]
    public async Task Runs_beside_it(int row)
    {
        if (Volatile.Read(ref s_left) == 1)
        {
            Gate.TrySetResult();
        }

        await Trio.SleepAsync(TimeSpan.FromSeconds(row));
        Assert.Equal(TimeSpan.FromSeconds(row), Trio.CurrentTime);
    }

    private static async void Later()
    {
        await Gate.Task;
        throw new InvalidOperationException("late work that must never run");
    }
}
