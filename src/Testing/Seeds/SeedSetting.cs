namespace TrioTest.Testing;

/// <summary>Reads a seed from a setting (an environment variable, an attribute), with an error that names the setting and what it accepts.</summary>
internal static class SeedSetting
{
    /// <summary>Parses a seed.</summary>
    /// <param name="text">The setting's value.</param>
    /// <param name="source">Where the text came from, for the message, such as <c>The environment variable TRIOTEST_SEED</c>.</param>
    /// <returns>The seed.</returns>
    /// <exception cref="TrioTestConfigurationException"><paramref name="text"/> is not a seed.</exception>
    public static Seed Parse(string? text, string source) => Seed.TryParse(text, out Seed seed)
        ? seed
        : throw new TrioTestConfigurationException($"{source} is \"{text}\", which is not a seed. Use {Seed.Expected}.");
}
