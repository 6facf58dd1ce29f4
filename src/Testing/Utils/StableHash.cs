namespace TrioTest.Testing;

/// <summary>
/// A 64-bit FNV-1a hash whose value depends only on its input: the same on every machine, process and .NET version,
/// unlike <see cref="string.GetHashCode()"/>, which is randomized per process.
/// </summary>
internal static class StableHash
{
    /// <summary>The FNV-1a offset basis: the hash of nothing.</summary>
    public const ulong Empty = 0xCBF29CE484222325UL;

    /// <summary>The FNV-1a 64-bit prime.</summary>
    private const ulong Prime = 0x100000001B3UL;

    /// <summary>Hashes a string's UTF-16 code units.</summary>
    public static ulong Of(string text) => Add(Empty, text);

    /// <summary>Folds a string's UTF-16 code units, then a terminator (so "ab"+"c" and "a"+"bc" differ), into <paramref name="hash"/>.</summary>
    public static ulong Add(ulong hash, string? text)
    {
        if (text is not null)
        {
            foreach (char c in text)
            {
                hash = (hash ^ c) * Prime;
            }
        }

        return (hash ^ 0xFFFF) * Prime;
    }

    /// <summary>Folds a 64-bit value into <paramref name="hash"/>, byte by byte.</summary>
    public static ulong Add(ulong hash, ulong value)
    {
        for (int i = 0; i < 8; i++)
        {
            hash = (hash ^ (byte)(value >> (8 * i))) * Prime;
        }

        return hash;
    }
}
