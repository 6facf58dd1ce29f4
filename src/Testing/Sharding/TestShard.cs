using System.Globalization;

namespace TrioTest.Testing;

/// <summary>
/// One share of an exploration spread over several CI jobs: shard <see cref="Index"/> of <see cref="Count"/> runs the
/// schedules whose number, counted from 0, leaves remainder <see cref="Index"/> when divided by <see cref="Count"/>.
/// The shards of one base seed are disjoint, and together they run exactly the schedules of the unsharded run.
/// </summary>
/// <remarks>
/// Set it with the environment variable <c>TRIOTEST_SHARD=i/n</c> (such as <c>TRIOTEST_SHARD=3/8</c>) or
/// <see cref="TrioTestOptions.Shard"/>. A sharded exploration needs a fixed base seed, the same in every shard:
/// <see cref="TrioTestOptions.BaseSeed"/>, or <c>TRIOTEST_BASE_SEED</c>. A replay (<see cref="TrioTestOptions.Seed"/>,
/// <c>TRIOTEST_SEED</c>) runs in every shard, so a pasted replay line works anywhere.
/// </remarks>
/// <example>
/// <code>
/// var options = new TrioTestOptions { Iterations = 1000, BaseSeed = 42, Shard = TestShard.Parse("3/8") };
/// </code>
/// </example>
public readonly record struct TestShard
{
    /// <summary>Initializes a new instance of the <see cref="TestShard"/> struct.</summary>
    /// <param name="index">This shard's index, from 0 to <paramref name="count"/> - 1.</param>
    /// <param name="count">The number of shards; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1, or <paramref name="index"/> is outside 0 to <paramref name="count"/> - 1.</exception>
    public TestShard(int index, int count)
    {
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"A shard count of {count} is not valid: use at least 1, such as 8 for shards 0/8 to 7/8.");
        }

        if (index < 0 || index >= count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Shard {index}/{count} is not valid: the index goes from 0 to {count - 1}.");
        }

        Index = index;
        Count = count;
    }

    /// <summary>Gets this shard's index, from 0 to <see cref="Count"/> - 1.</summary>
    public int Index { get; }

    /// <summary>Gets the number of shards.</summary>
    public int Count { get; }

    /// <summary>Gets a value indicating whether this shard runs the schedule numbered <paramref name="position"/> (from 0) of the unsharded run.</summary>
    /// <param name="position">The schedule's position in the unsharded run, from 0.</param>
    /// <returns><see langword="true"/> if this shard runs it; otherwise, <see langword="false"/>.</returns>
    public bool Owns(long position) => position % Count == Index;

    /// <summary>Parses <c>i/n</c>, such as <c>3/8</c>.</summary>
    /// <param name="text">The text; white space around the numbers is ignored.</param>
    /// <returns>The shard.</returns>
    /// <exception cref="TrioTestConfigurationException"><paramref name="text"/> is not <c>i/n</c> with 0 &lt;= i &lt; n.</exception>
    public static TestShard Parse(string text) => Parse(text, "The shard");

    /// <summary>Tries to parse <c>i/n</c>, such as <c>3/8</c>.</summary>
    /// <param name="text">The text; white space around the numbers is ignored.</param>
    /// <param name="shard">The shard, when the text is valid.</param>
    /// <returns><see langword="true"/> if <paramref name="text"/> is <c>i/n</c> with 0 &lt;= i &lt; n; otherwise, <see langword="false"/>.</returns>
    public static bool TryParse(string? text, out TestShard shard)
    {
        shard = default;
        int slash = text?.IndexOf('/') ?? -1;
        if (slash < 0
            || !int.TryParse(text.AsSpan(0, slash).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            || !int.TryParse(text.AsSpan(slash + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int count)
            || count < 1 || index >= count)
        {
            return false;
        }

        shard = new TestShard(index, count);
        return true;
    }

    /// <summary>Gets the shard as <c>i/n</c>.</summary>
    /// <returns>The text <see cref="Parse(string)"/> reads.</returns>
    public override string ToString() => $"{Index.ToString(CultureInfo.InvariantCulture)}/{Count.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Parses <c>i/n</c>, with an error that names where the text came from.</summary>
    internal static TestShard Parse(string text, string source) => TryParse(text, out TestShard shard)
        ? shard
        : throw new TrioTestConfigurationException(
            $"{source} is \"{text}\": use i/n with 0 <= i < n, such as 0/8 (the first of 8 shards); every shard of one run needs the same n.");
}
