using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TrioTest.Analyzers.CodeFixes;

/// <summary>
/// Fixes TRIO006 for <c>new Random()</c> in a test's methods: the generator is seeded from the schedule's seed
/// (<c>TrioTestContext.Current.Seed</c>), so a replayed seed draws the same numbers and each schedule draws its own.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SeedRandomCodeFix))]
[Shared]
public sealed class SeedRandomCodeFix : TrioCodeFix
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = Ids(DiagnosticIds.UnseededRandom);

    /// <inheritdoc/>
    protected override Task RegisterAsync(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic, string hint)
    {
        if (hint == FixHints.SeedFromSchedule && Find<BaseObjectCreationExpressionSyntax>(root, diagnostic.Location.SourceSpan) is { } creation)
        {
            ArgumentListSyntax arguments = SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(
                SyntaxFactory.Argument(Parse("global::TrioTest.Testing.TrioTestContext.Current.Seed.GetHashCode()"))));
            RegisterReplacement(context, diagnostic, "Seed from the schedule's seed", root, creation, creation.WithArgumentList(arguments));
        }

        return Task.CompletedTask;
    }
}
