namespace TrioTest.Testing;

/// <summary>
/// Facts about the TrioTest build this assembly belongs to.
/// </summary>
public static class TrioTestInfo
{
    /// <summary>
    /// The TrioTest package version, kept equal to <c>Version</c> in Directory.Build.props.
    /// </summary>
    public const string Version = "0.1.0";
}
