using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TrioTest.Analyzers.CodeFixes;

/// <summary>Fixes TRIO004: <c>await source.CancelAsync();</c> becomes <c>source.Cancel();</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CancelCodeFix))]
[Shared]
public sealed class CancelCodeFix : TrioCodeFix
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = Ids(DiagnosticIds.CancelAsync);

    /// <inheritdoc/>
    protected override Task RegisterAsync(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic, string hint)
    {
        if (hint == FixHints.Cancel
            && Find<InvocationExpressionSyntax>(root, diagnostic.Location.SourceSpan) is { Expression: MemberAccessExpressionSyntax access } invocation
            && invocation.FirstAncestorOrSelf<ExpressionStatementSyntax>() is { Expression: AwaitExpressionSyntax } statement)
        {
            InvocationExpressionSyntax cancel = invocation.WithExpression(access.WithName(SyntaxFactory.IdentifierName("Cancel")));
            RegisterReplacement(context, diagnostic, "Call Cancel()", root, statement, statement.WithExpression(cancel.WithoutTrivia()));
        }

        return Task.CompletedTask;
    }
}
