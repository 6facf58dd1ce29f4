namespace TrioTest.Testing;

/// <summary>Where the seed of a schedule came from, in the order the harness prefers them.</summary>
public enum SeedSource
{
    /// <summary>The test's own setting (<see cref="TrioTestOptions.Seed"/>, an attribute's <c>Seed</c>).</summary>
    Explicit,

    /// <summary>The <c>TRIOTEST_SEED</c> environment variable.</summary>
    Environment,

    /// <summary>A seed recorded in the regression file by an earlier failure.</summary>
    Regression,

    /// <summary>Derived from a fresh random base seed: a new exploration.</summary>
    Entropy,
}
