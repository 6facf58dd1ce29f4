using System.Collections.Concurrent;

namespace TrioTest.NUnit.Tests.Fixtures;

/// <summary>What the fixtures saw while they ran, for the tests that run them to check.</summary>
public static class Observations
{
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<string>> s_seen = new();

    public static void Add(string key, string value) => s_seen.GetOrAdd(key, _ => new ConcurrentQueue<string>()).Enqueue(value);

    public static string[] Get(string key) => s_seen.TryGetValue(key, out var values) ? [.. values] : [];

    public static void Clear() => s_seen.Clear();

    /// <summary>Where the calling code runs: on a TrioTest loop or not, and under which seed.</summary>
    public static string Where() => Trio.IsInRun ? $"loop {Environment.CurrentManagedThreadId} {TrioTestContext.CurrentOrNull?.Seed}" : "outside";
}
