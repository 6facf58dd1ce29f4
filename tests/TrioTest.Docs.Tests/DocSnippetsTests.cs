using System.Text.RegularExpressions;
using TrioTest.Xunit;
using Xunit;

namespace TrioTest.Docs.Tests;

/// <summary>Every C# block of the README and docs/ is compiled into this assembly unless it is marked a fragment.</summary>
public class DocSnippetsTests
{
    private static readonly string s_root = FindRepositoryRoot();

    [Fact]
    public void Manifest_CoversEveryCsharpBlock_ExceptFragments()
    {
        var expected = new List<string>();
        foreach (string path in MarkdownFiles())
        {
            string[] lines = File.ReadAllLines(path);
            string relative = Path.GetRelativePath(s_root, path).Replace('\\', '/');
            for (int i = 0; i < lines.Length; i++)
            {
                Match fence = Regex.Match(lines[i], @"^\s*```csharp(.*)$");
                if (fence.Success && fence.Groups[1].Value.Trim() != "fragment")
                {
                    expected.Add(relative + ":" + (i + 1));
                }
            }
        }

        DocSnippets.Manifest.Blocks.Should().BeEquivalentTo(expected, "each block compiles here (rebuild after editing the Markdown)");
    }

    [Fact]
    public void Readme_QuickStart_IsCompiledAsTests()
    {
        var quickStarts = typeof(DocSnippetsTests).Assembly.GetTypes()
            .Where(type => type.Name == "InventoryTests" && type.Namespace!.StartsWith("DocSnippets.README_", StringComparison.Ordinal))
            .ToDictionary(type => type.Namespace!, type => type.GetMethods().Count(method => method.GetCustomAttributes(typeof(AsyncTestAttribute), inherit: false).Length > 0));

        quickStarts.Values.Should().BeEquivalentTo([2, 0], "the README's xunit quick start has two [AsyncTest]s that xunit runs with this assembly, and its NUnit one compiles here and runs in eng/first-hour.sh");
    }

    private static IEnumerable<string> MarkdownFiles() =>
        new[] { Path.Combine(s_root, "README.md") }.Concat(Directory.GetFiles(Path.Combine(s_root, "docs"), "*.md"));

    private static string FindRepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TrioTest.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("TrioTest.sln not found above " + AppContext.BaseDirectory);
    }
}
