namespace TrioTest;

/// <summary>
/// A seeded 64-bit pseudo-random generator (xoshiro256** seeded through SplitMix64) whose sequence depends
/// only on its seed: the same seed gives the same numbers on every machine, process and .NET version.
/// </summary>
/// <remarks>
/// TrioTest never uses <c>System.Random</c>: its algorithm is an implementation detail of the runtime
/// and may change between versions, which would silently break the replay of a recorded seed.
/// This type is not thread-safe; the run loop owns one per run.
/// </remarks>
public sealed class DeterministicRandom
{
    /// <summary>The four words of xoshiro256** state.</summary>
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Initializes a new generator from <paramref name="seed"/>.</summary>
    /// <param name="seed">Any 64-bit value; zero is allowed.</param>
    public DeterministicRandom(ulong seed)
    {
        Seed = seed;
        ulong x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>Gets the seed this generator started from.</summary>
    public ulong Seed { get; }

    /// <summary>Returns the next 64 random bits.</summary>
    /// <returns>A uniformly distributed 64-bit value.</returns>
    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Returns a uniformly distributed integer in [0, <paramref name="maxExclusive"/>).</summary>
    /// <param name="maxExclusive">The exclusive upper bound; must be positive.</param>
    /// <returns>An integer greater than or equal to 0 and less than <paramref name="maxExclusive"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxExclusive"/> is zero or negative.</exception>
    public int NextInt32(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);

        // Lemire's multiply-and-reject: unbiased, and one multiplication in the common case.
        ulong bound = (ulong)maxExclusive;
        ulong product = Math.BigMul(NextUInt64(), bound, out ulong low);
        if (low < bound)
        {
            ulong threshold = (0UL - bound) % bound;
            while (low < threshold)
            {
                product = Math.BigMul(NextUInt64(), bound, out low);
            }
        }

        return (int)product;
    }

    /// <summary>Returns a uniformly distributed double in [0, 1).</summary>
    /// <returns>A value greater than or equal to 0.0 and less than 1.0.</returns>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Shuffles <paramref name="items"/> in place (Fisher–Yates), consuming randomness deterministically.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="items">The items to permute.</param>
    public void Shuffle<T>(Span<T> items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = NextInt32(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>
    /// Derives the seed of the <paramref name="index"/>-th member of a family from a base seed, so that one
    /// member can be replayed alone from its own seed.
    /// </summary>
    /// <param name="baseSeed">The family's seed.</param>
    /// <param name="index">The member's index.</param>
    /// <returns>A well-mixed seed; distinct indices give distinct seeds.</returns>
    public static ulong DeriveSeed(ulong baseSeed, ulong index)
    {
        ulong x = baseSeed ^ (index * 0xD1B54A32D192ED03UL);
        return SplitMix64(ref x);
    }

    /// <summary>One step of SplitMix64: advances <paramref name="state"/> and returns a mixed value.</summary>
    private static ulong SplitMix64(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
