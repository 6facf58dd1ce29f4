using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TrioTest.Analyzers.CodeFixes;

/// <summary>Fixes TRIO009 for a caller's callback: <c>await callback().ConfigureAwait(false)</c> becomes <c>await callback()</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveConfigureAwaitCodeFix))]
[Shared]
public sealed class RemoveConfigureAwaitCodeFix : TrioCodeFix
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = Ids(DiagnosticIds.LibraryAwait);

    /// <inheritdoc/>
    protected override Task RegisterAsync(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic, string hint)
    {
        if (hint == FixHints.RemoveConfigureAwait
            && Find<InvocationExpressionSyntax>(root, diagnostic.Location.SourceSpan) is { Expression: MemberAccessExpressionSyntax access } configure)
        {
            RegisterReplacement(context, diagnostic, "Await the callback on the caller's context", root, configure, access.Expression.WithoutTrivia());
        }

        return Task.CompletedTask;
    }
}
