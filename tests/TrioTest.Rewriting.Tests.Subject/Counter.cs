namespace TrioTest.Rewriting.Tests.Subject;

/// <summary>A counter whose increments race: each reads, yields, then writes what it read plus one.</summary>
public sealed class Counter
{
    /// <summary>Gets the count.</summary>
    public int Value { get; private set; }

    /// <summary>Increments twice on the thread pool, concurrently.</summary>
    public Task IncrementTwiceAsync() => Task.WhenAll(Task.Run(IncrementAsync), Task.Run(IncrementAsync));

    private async Task IncrementAsync()
    {
        int read = Value;
        await Task.Yield();
        Value = read + 1;
    }
}
