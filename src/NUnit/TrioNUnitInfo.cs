namespace TrioTest.NUnit;

/// <summary>
/// Facts about the TrioTest NUnit integration.
/// </summary>
public static class TrioNUnitInfo
{
    /// <summary>
    /// The major version of NUnit this integration is built against (4.3.2 or later, the version <c>dotnet new nunit</c> pins); it runs on NUnit 5 as well.
    /// </summary>
    public const int NUnitMajorVersion = 4;
}
