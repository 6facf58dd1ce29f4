using System.Globalization;

namespace TrioTest.Testing;

/// <summary>Reads and writes schedule seeds in the form reports print and attributes and <c>TRIOTEST_SEED</c> accept.</summary>
/// <remarks>The canonical form is <c>0x</c> followed by 16 upper-case hex digits, such as <c>0x9E3779B97F4A7C15</c>; parsing also accepts fewer hex digits and plain decimal.</remarks>
public static class TrioSeed
{
    /// <summary>Formats <paramref name="seed"/> in the canonical form.</summary>
    /// <param name="seed">The seed.</param>
    /// <returns>The seed as <c>0x</c> and 16 upper-case hex digits.</returns>
    public static string Format(ulong seed) => "0x" + seed.ToString("X16", CultureInfo.InvariantCulture);

    /// <summary>Tries to parse a seed: <c>0x</c> and 1 to 16 hex digits, or a decimal number from 0 to 18446744073709551615.</summary>
    /// <param name="text">The text; surrounding white space is ignored.</param>
    /// <param name="seed">The seed, when the text is valid.</param>
    /// <returns><see langword="true"/> if <paramref name="text"/> is a valid seed; otherwise, <see langword="false"/>.</returns>
    public static bool TryParse(string? text, out ulong seed)
    {
        seed = 0;
        return text is not null && TryParse(text.AsSpan(), out seed);
    }

    /// <summary>Tries to parse a seed from a span, as <see cref="TryParse(string?, out ulong)"/> does, without a string per call (the regression file parses one per line).</summary>
    /// <param name="text">The text; surrounding white space is ignored.</param>
    /// <param name="seed">The seed, when the text is valid.</param>
    /// <returns><see langword="true"/> if <paramref name="text"/> is a valid seed; otherwise, <see langword="false"/>.</returns>
    internal static bool TryParse(ReadOnlySpan<char> text, out ulong seed)
    {
        seed = 0;
        ReadOnlySpan<char> span = text.Trim();
        if (span.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            span = span[2..];
            return span.Length is > 0 and <= 16 && ulong.TryParse(span, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out seed);
        }

        return span.Length > 0 && ulong.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out seed);
    }

    /// <summary>Parses a seed, with an error that names where the text came from and what is allowed.</summary>
    /// <param name="text">The text.</param>
    /// <param name="source">Where the text came from, for the message, such as <c>TRIOTEST_SEED</c> or <c>[AsyncTest(Seed = ...)]</c>.</param>
    /// <returns>The seed.</returns>
    /// <exception cref="TrioTestConfigurationException"><paramref name="text"/> is not a valid seed.</exception>
    public static ulong Parse(string? text, string source)
    {
        if (TryParse(text, out ulong seed))
        {
            return seed;
        }

        throw new TrioTestConfigurationException(
            $"{source} is \"{text}\", which is not a seed. Use the value a TrioTest failure report prints, such as 0x9E3779B97F4A7C15 (0x and 1 to 16 hex digits), or a decimal number from 0 to 18446744073709551615.");
    }
}
