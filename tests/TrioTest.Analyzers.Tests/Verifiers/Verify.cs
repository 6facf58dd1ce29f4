using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace TrioTest.Analyzers.Tests.Verifiers;

/// <summary>
/// Runs an analyzer, and its fix, over a source compiled against the real TrioTest, xunit and NUnit. Diagnostics are
/// written in the source as markup (<c>{|TRIO001:Task.Delay(10)|}</c>); the framework checks that exactly those are
/// reported, that the fixed source compiles without errors, and that it has no diagnostic left.
/// </summary>
/// <typeparam name="TAnalyzer">The analyzer.</typeparam>
/// <typeparam name="TFix">The code fix.</typeparam>
internal static class Verify<TAnalyzer, TFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TFix : CodeFixProvider, new()
{
    /// <summary>The usings every source starts with.</summary>
    public const string Usings = """
        using System;
        using System.Diagnostics;
        using System.Threading;
        using System.Threading.Channels;
        using System.Threading.Tasks;
        using TrioTest;

        """;

    /// <summary>Checks that the analyzer reports exactly the marked diagnostics (and <paramref name="expected"/>).</summary>
    public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = Usings + source, ReferenceAssemblies = TestReferences.None };
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        test.SolutionTransforms.Add(UseCSharp12);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Checks the diagnostics of <paramref name="source"/> and that the fix (the code action at <paramref name="action"/>, or the first) turns it into <paramref name="fixedSource"/>.</summary>
    public static Task FixAsync(string source, string fixedSource, int? action = null, params DiagnosticResult[] expected)
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier>
        {
            TestCode = Usings + source,
            FixedCode = Usings + fixedSource,
            ReferenceAssemblies = TestReferences.None,
            CodeActionIndex = action,
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        test.SolutionTransforms.Add(UseCSharp12);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Checks that the diagnostics of <paramref name="source"/> get no fix: the code stays as it is.</summary>
    public static Task NoFixAsync(string source) => FixAsync(source, source);

    /// <summary>Parses the project's sources as C# 12, what Roslyn 4.8 (the analyzers' oldest host) parses.</summary>
    private static Solution UseCSharp12(Solution solution, ProjectId project) =>
        solution.WithProjectParseOptions(project, ((CSharpParseOptions)solution.GetProject(project)!.ParseOptions!).WithLanguageVersion(LanguageVersion.CSharp12));
}
