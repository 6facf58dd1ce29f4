namespace TrioTest.NUnit;

/// <summary>
/// Facts about the TrioTest NUnit integration.
/// </summary>
public static class TrioNUnitInfo
{
    /// <summary>
    /// The major version of NUnit this integration targets.
    /// </summary>
    public const int NUnitMajorVersion = 4;
}
