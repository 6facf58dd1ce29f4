namespace TrioTest.Xunit;

/// <summary>
/// Facts about the TrioTest xUnit.net integration.
/// </summary>
public static class TrioXunitInfo
{
    /// <summary>
    /// The major version of xUnit.net this integration targets.
    /// </summary>
    public const int XunitMajorVersion = 2;
}
