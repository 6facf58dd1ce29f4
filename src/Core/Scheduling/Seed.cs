using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace TrioTest;

/// <summary>
/// The seed of one schedule: the 64-bit value a run's <see cref="DeterministicRandom"/> starts from, so the same seed and
/// the same code give the same schedule. It prints as <c>0x</c> and 16 upper-case hex digits (<c>0x9E3779B97F4A7C15</c>),
/// the form failure reports show and attributes, <c>TRIOTEST_SEED</c> and the regression file accept.
/// </summary>
/// <param name="Value">The seed's 64 bits.</param>
/// <example>
/// <code>
/// Seed seed = Seed.Parse("0x9E3779B97F4A7C15");
/// Seed third = seed.Derive(3);          // the third schedule of an exploration whose base seed is seed
/// Console.WriteLine(third);             // 0x… as a report prints it
/// </code>
/// </example>
public readonly record struct Seed(ulong Value) : ISpanFormattable, IParsable<Seed>, ISpanParsable<Seed>, IComparable<Seed>
{
    /// <summary>What a seed looks like, for the messages of the parse methods and of the harness.</summary>
    public const string Expected = "0x and 1 to 16 hex digits (as a TrioTest failure report prints it, such as 0x9E3779B97F4A7C15), or a decimal number from 0 to 18446744073709551615";

    /// <summary>Converts a number to the seed with that value, so <c>Seed = 42</c> reads as it does in a report.</summary>
    /// <param name="value">The seed's 64 bits.</param>
    public static implicit operator Seed(ulong value) => new(value);

    /// <summary>Gets the seed of the <paramref name="index"/>-th member of the family this seed is the base of (schedule <paramref name="index"/> of an exploration); distinct indices give distinct, well-mixed seeds.</summary>
    /// <param name="index">The member's index.</param>
    /// <returns>The derived seed; it replays its schedule alone.</returns>
    public Seed Derive(ulong index) => new(DeterministicRandom.DeriveSeed(Value, index));

    /// <summary>Parses a seed: <c>0x</c> and 1 to 16 hex digits, or a decimal number; surrounding white space is ignored.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The seed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> is not a seed; the message says what is.</exception>
    public static Seed Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text.AsSpan(), out Seed seed) ? seed : throw new FormatException($"\"{text}\" is not a seed: use {Expected}.");
    }

    /// <summary>Parses a seed, as <see cref="Parse(string)"/> does.</summary>
    /// <param name="text">The text.</param>
    /// <param name="provider">Ignored: a seed's form does not depend on culture.</param>
    /// <returns>The seed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> is not a seed.</exception>
    public static Seed Parse(string text, IFormatProvider? provider) => Parse(text);

    /// <summary>Parses a seed from a span, as <see cref="Parse(string)"/> does.</summary>
    /// <param name="text">The text.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>The seed.</returns>
    /// <exception cref="FormatException"><paramref name="text"/> is not a seed.</exception>
    public static Seed Parse(ReadOnlySpan<char> text, IFormatProvider? provider) =>
        TryParse(text, out Seed seed) ? seed : throw new FormatException($"\"{text}\" is not a seed: use {Expected}.");

    /// <summary>Tries to parse a seed: <c>0x</c> and 1 to 16 hex digits, or a decimal number from 0 to 18446744073709551615.</summary>
    /// <param name="text">The text; surrounding white space is ignored.</param>
    /// <param name="seed">The seed, when the text is one.</param>
    /// <returns><see langword="true"/> if <paramref name="text"/> is a seed; otherwise, <see langword="false"/>.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out Seed seed)
    {
        seed = default;
        return text is not null && TryParse(text.AsSpan(), out seed);
    }

    /// <summary>Tries to parse a seed from a span, without a string per call (the regression file parses one per line).</summary>
    /// <param name="text">The text; surrounding white space is ignored.</param>
    /// <param name="seed">The seed, when the text is one.</param>
    /// <returns><see langword="true"/> if <paramref name="text"/> is a seed; otherwise, <see langword="false"/>.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out Seed seed)
    {
        ReadOnlySpan<char> span = text.Trim();
        ulong value = 0;
        bool parsed = span.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? span.Length is > 2 and <= 18 && ulong.TryParse(span[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value)
            : ulong.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        seed = parsed ? new Seed(value) : default;
        return parsed;
    }

    /// <summary>Tries to parse a seed, as <see cref="TryParse(string?, out Seed)"/> does.</summary>
    /// <param name="text">The text.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The seed, when the text is one.</param>
    /// <returns><see langword="true"/> if <paramref name="text"/> is a seed; otherwise, <see langword="false"/>.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, IFormatProvider? provider, out Seed result) => TryParse(text, out result);

    /// <summary>Tries to parse a seed from a span, as <see cref="TryParse(ReadOnlySpan{char}, out Seed)"/> does.</summary>
    /// <param name="text">The text.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The seed, when the text is one.</param>
    /// <returns><see langword="true"/> if <paramref name="text"/> is a seed; otherwise, <see langword="false"/>.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, IFormatProvider? provider, out Seed result) => TryParse(text, out result);

    /// <summary>Formats the seed as a report prints it: <c>0x</c> and 16 upper-case hex digits.</summary>
    /// <returns>The seed's text, such as <c>0x9E3779B97F4A7C15</c>.</returns>
    public override string ToString() => "0x" + Value.ToString("X16", CultureInfo.InvariantCulture);

    /// <summary>Formats the seed as <see cref="ToString()"/> does, whatever the format and culture.</summary>
    /// <param name="format">Ignored: a seed has one form.</param>
    /// <param name="formatProvider">Ignored.</param>
    /// <returns>The seed's text.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <summary>Writes the seed's text into <paramref name="destination"/>.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="charsWritten">How many characters were written: 18, or 0 when the span is too short.</param>
    /// <param name="format">Ignored.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns><see langword="true"/> if the seed fit; otherwise, <see langword="false"/>.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        charsWritten = 0;
        if (destination.Length < 18 || !Value.TryFormat(destination[2..], out int digits, "X16", CultureInfo.InvariantCulture))
        {
            return false;
        }

        destination[0] = '0';
        destination[1] = 'x';
        charsWritten = digits + 2;
        return true;
    }

    /// <summary>Compares the seeds' values, so seeds sort as their numbers do.</summary>
    /// <param name="other">The other seed.</param>
    /// <returns>Less than zero, zero or more than zero as this seed's value is below, equal to or above <paramref name="other"/>'s.</returns>
    public int CompareTo(Seed other) => Value.CompareTo(other.Value);
}
