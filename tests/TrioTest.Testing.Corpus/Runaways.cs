namespace TrioTest.Testing.Tests.Corpus;

/// <summary>
/// Bodies that never end on their own, for the budget tests: each must end at a limit with a report and its seed, in
/// bounded memory. Run in a fresh process (<c>TrioTest.Testing.Corpus --runaway NAME</c>) so its peak working set is its own.
/// </summary>
public static class Runaways
{
    /// <summary>Gets the names of the runaway bodies.</summary>
    public static IReadOnlyList<string> Names { get; } = ["periodic-timer-1ms", "checkpoint-busy-loop"];

    /// <summary>Gets the body named <paramref name="name"/>.</summary>
    public static Func<Task> Get(string name) => name switch
    {
        "periodic-timer-1ms" => TickForeverAsync,
        "checkpoint-busy-loop" => CheckpointForeverAsync,
        _ => throw new ArgumentException($"No runaway body is named \"{name}\"; the names are {string.Join(", ", Names)}.", nameof(name)),
    };

    /// <summary>A 1 ms periodic timer on the run's clock, awaited forever.</summary>
    private static async Task TickForeverAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(1), Trio.TimeProvider);
        while (await timer.WaitForNextTickAsync())
        {
        }
    }

    /// <summary>A loop that reaches a checkpoint on every pass and never ends.</summary>
    private static async Task CheckpointForeverAsync()
    {
        while (true)
        {
            await Trio.CheckpointAsync("poll");
        }
    }
}
