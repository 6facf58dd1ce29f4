using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TrioTest.Analyzers.Tests;

/// <summary>Every rule is documented where its help link points, listed in the release notes, and fixed by a provider that exists.</summary>
public class DescriptorTests
{
    /// <summary>Every descriptor of every analyzer in the assembly.</summary>
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (string id in Descriptors().Select(static d => d.Id).Distinct().Order(StringComparer.Ordinal))
        {
            data.Add(id);
        }

        return data;
    }

    [Fact]
    public void Rules_AreTrio001ToTrio009()
    {
        string[] ids = Descriptors().Select(static d => d.Id).Distinct().Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(Enumerable.Range(1, 9).Select(static n => $"TRIO00{n}"), ids);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void HelpLink_PointsAtItsSectionOfTheDocs(string id)
    {
        string docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "analyzers.md"));

        foreach (DiagnosticDescriptor descriptor in Descriptors().Where(d => d.Id == id))
        {
            Assert.Equal($"https://github.com/triotest/triotest/blob/main/docs/analyzers.md#{id.ToLowerInvariant()}", descriptor.HelpLinkUri);
        }

        Assert.Matches(new Regex($"^## {id}$", RegexOptions.Multiline), docs);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Rule_IsInTheReleaseNotesWithItsSeverity(string id)
    {
        string notes = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "Analyzers", "AnalyzerReleases.Unshipped.md"));
        DiagnosticDescriptor descriptor = Descriptors().First(d => d.Id == id);

        Assert.Matches(new Regex($"^{id} \\| TrioTest \\| {descriptor.DefaultSeverity} \\|", RegexOptions.Multiline), notes);
    }

    /// <summary>The descriptors the analyzers of TrioTest.Analyzers support.</summary>
    private static IEnumerable<DiagnosticDescriptor> Descriptors() =>
        typeof(TrioTest.Analyzers.Time.RealTimerAnalyzer).Assembly.GetTypes()
            .Where(static t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .SelectMany(static t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics);

    /// <summary>The repository root: the first directory above the test assembly that holds TrioTest.sln.</summary>
    private static string RepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TrioTest.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No TrioTest.sln above {AppContext.BaseDirectory}.");
    }
}
