using System.Runtime.InteropServices;

namespace TrioTest.Testing;

/// <summary>
/// A 64-bit hash whose value depends only on its input: the same on every machine, process and .NET version, unlike
/// <see cref="string.GetHashCode()"/>, which is randomized per process. Each value is folded in with xxHash64's round
/// (two multiplications per 8 bytes), and <see cref="Finish"/> applies its avalanche, so a trace of thousands of events
/// costs a few microseconds.
/// </summary>
internal static class StableHash
{
    /// <summary>The starting state: the hash of nothing.</summary>
    public const ulong Empty = 0x27D4EB2F165667C5UL;

    /// <summary>xxHash64's first prime.</summary>
    private const ulong Prime1 = 0x9E3779B185EBCA87UL;

    /// <summary>xxHash64's second prime.</summary>
    private const ulong Prime2 = 0xC2B2AE3D27D4EB4FUL;

    /// <summary>Hashes a string's UTF-16 code units, finished.</summary>
    public static ulong Of(string text) => Finish(Add(Empty, text));

    /// <summary>Folds a string's UTF-16 code units and its length (so "ab"+"c" and "a"+"bc" differ, and null differs from "") into <paramref name="hash"/>.</summary>
    public static ulong Add(ulong hash, string? text)
    {
        return text is null ? Add(hash, ulong.MaxValue) : Add(hash, text.AsSpan());
    }

    /// <summary>Folds UTF-16 code units and their count into <paramref name="hash"/>.</summary>
    public static ulong Add(ulong hash, ReadOnlySpan<char> chars)
    {
        ReadOnlySpan<ulong> words = MemoryMarshal.Cast<char, ulong>(chars);
        foreach (ulong word in words)
        {
            hash = Add(hash, word);
        }

        for (int i = words.Length * 4; i < chars.Length; i++)
        {
            hash = Add(hash, chars[i]);
        }

        return Add(hash, (ulong)chars.Length);
    }

    /// <summary>Folds a 64-bit value into <paramref name="hash"/> (xxHash64's round, chained).</summary>
    public static ulong Add(ulong hash, ulong value)
    {
        ulong round = ulong.RotateLeft(value * Prime2, 31) * Prime1;
        return (ulong.RotateLeft(hash ^ round, 27) * Prime1) + 0x85EBCA77C2B2AE63UL;
    }

    /// <summary>Mixes the bits of a chained hash (xxHash64's avalanche), so that near inputs give far outputs.</summary>
    public static ulong Finish(ulong hash)
    {
        hash ^= hash >> 33;
        hash *= Prime2;
        hash ^= hash >> 29;
        hash *= 0x165667B19E3779F9UL;
        return hash ^ (hash >> 32);
    }
}
