using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace TrioTest.Analyzers.CodeFixes;

/// <summary>
/// Fixes TRIO009 for <c>ReadAllAsync</c>: <c>await foreach (var x in reader.ReadAllAsync(ct)) body</c> becomes
/// <c>while (await reader.WaitToReadAsync(ct)) { while (reader.TryRead(out var x)) body }</c>, which resumes on the loop.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WaitToReadLoopCodeFix))]
[Shared]
public sealed class WaitToReadLoopCodeFix : TrioCodeFix
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = Ids(DiagnosticIds.LibraryAwait);

    /// <inheritdoc/>
    protected override Task RegisterAsync(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic, string hint)
    {
        if (hint != FixHints.WaitToReadLoop
            || Find<InvocationExpressionSyntax>(root, diagnostic.Location.SourceSpan) is not { Expression: MemberAccessExpressionSyntax access } invocation
            || invocation.Parent is not ForEachStatementSyntax loop)
        {
            return Task.CompletedTask;
        }

        ExpressionSyntax reader = access.Expression.WithoutTrivia();
        InvocationExpressionSyntax waitToRead = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, reader, SyntaxFactory.IdentifierName("WaitToReadAsync")),
            invocation.ArgumentList.WithoutTrivia());
        ArgumentSyntax item = SyntaxFactory.Argument(SyntaxFactory.DeclarationExpression(
                loop.Type.WithoutTrivia().WithTrailingTrivia(SyntaxFactory.Space),
                SyntaxFactory.SingleVariableDesignation(loop.Identifier.WithoutTrivia())))
            .WithRefKindKeyword(SyntaxFactory.Token(SyntaxKind.OutKeyword).WithTrailingTrivia(SyntaxFactory.Space));
        InvocationExpressionSyntax tryRead = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, reader, SyntaxFactory.IdentifierName("TryRead")),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(item)));
        StatementSyntax body = loop.Statement is BlockSyntax ? loop.Statement : SyntaxFactory.Block(loop.Statement);
        WhileStatementSyntax inner = SyntaxFactory.WhileStatement(tryRead, body);
        WhileStatementSyntax outer = SyntaxFactory.WhileStatement(SyntaxFactory.AwaitExpression(waitToRead), SyntaxFactory.Block(inner))
            .WithAdditionalAnnotations(Formatter.Annotation);
        RegisterReplacement(context, diagnostic, "Loop on WaitToReadAsync and TryRead", root, loop, outer);
        return Task.CompletedTask;
    }
}
