namespace TrioTest.NUnit;

/// <summary>
/// Facts about the TrioTest NUnit integration.
/// </summary>
public static class TrioNUnitInfo
{
    /// <summary>
    /// The major version of NUnit this integration is built against (4.4 or later); it runs on NUnit 5 as well.
    /// </summary>
    public const int NUnitMajorVersion = 4;
}
