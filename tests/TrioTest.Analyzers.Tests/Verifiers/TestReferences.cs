using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace TrioTest.Analyzers.Tests.Verifiers;

/// <summary>
/// The references the sources under test compile against: .NET's reference assemblies from the installed targeting
/// pack (the test framework's package download is not needed, and its NuGet does not know net10.0), and the real
/// TrioTest, xunit and NUnit assemblies this project references.
/// </summary>
internal static class TestReferences
{
    /// <summary>No package to resolve: every reference is added by <see cref="All"/>.</summary>
    public static ReferenceAssemblies None { get; } = new("net10.0");

    /// <summary>The framework's reference assemblies and the test frameworks' and TrioTest's assemblies.</summary>
    public static ImmutableArray<MetadataReference> All { get; } = Load();

    /// <summary>Loads the references.</summary>
    private static ImmutableArray<MetadataReference> Load()
    {
        ImmutableArray<MetadataReference>.Builder references = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (string path in FrameworkAssemblies())
        {
            references.Add(MetadataReference.CreateFromFile(path));
        }

        Type[] anchors =
        [
            typeof(TrioTest.Trio),                          // TrioTest.Core
            typeof(TrioTest.Testing.TrioTestContext),       // TrioTest.Testing
            typeof(TrioTest.Xunit.AsyncTestAttribute),      // TrioTest.Xunit
            typeof(TrioTest.NUnit.AsyncTestAttribute),      // TrioTest.NUnit
            typeof(global::Xunit.FactAttribute),                    // xunit.core
            typeof(global::Xunit.Assert),                           // xunit.assert
            typeof(global::Xunit.Abstractions.ITestOutputHelper),   // xunit.abstractions
            typeof(global::NUnit.Framework.Assert),                 // nunit.framework
        ];
        foreach (Type anchor in anchors)
        {
            references.Add(MetadataReference.CreateFromFile(anchor.Assembly.Location));
        }

        return references.ToImmutable();
    }

    /// <summary>The reference assemblies of the running framework's targeting pack, or, without one, its implementation assemblies.</summary>
    private static IEnumerable<string> FrameworkAssemblies()
    {
        string runtime = RuntimeEnvironment.GetRuntimeDirectory();              // .../shared/Microsoft.NETCore.App/10.0.x/
        string version = new DirectoryInfo(runtime).Name;
        string root = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        string pack = Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref", version, "ref", "net" + Environment.Version.ToString(2));
        if (!Directory.Exists(pack) && Directory.Exists(Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref")))
        {
            // A targeting pack of another patch of the same major version references the same API.
            pack = Directory.GetDirectories(Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref"))
                .Select(d => Path.Combine(d, "ref", "net" + Environment.Version.ToString(2)))
                .Where(Directory.Exists)
                .OrderByDescending(d => d, StringComparer.Ordinal)
                .FirstOrDefault() ?? pack;
        }

        return Directory.Exists(pack)
            ? Directory.GetFiles(pack, "*.dll")
            : Directory.GetFiles(runtime, "*.dll").Where(static f => !Path.GetFileName(f).StartsWith("Microsoft.DiaSymReader", StringComparison.Ordinal)
                && !Path.GetFileName(f).Contains("Native", StringComparison.Ordinal));
    }
}
