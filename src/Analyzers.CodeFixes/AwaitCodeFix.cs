using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace TrioTest.Analyzers.CodeFixes;

/// <summary>
/// Fixes TRIO005 in async functions: <c>task.Result</c> and <c>task.GetAwaiter().GetResult()</c> become
/// <c>(await task)</c>, and <c>task.Wait();</c> becomes <c>await task;</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AwaitCodeFix))]
[Shared]
public sealed class AwaitCodeFix : TrioCodeFix
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = Ids(DiagnosticIds.BlockingWait);

    /// <inheritdoc/>
    protected override Task RegisterAsync(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic, string hint)
    {
        ExpressionSyntax? node = Find<ExpressionSyntax>(root, diagnostic.Location.SourceSpan);
        ExpressionSyntax? task = (hint, node) switch
        {
            (FixHints.AwaitResult, MemberAccessExpressionSyntax access) => access.Expression,
            (FixHints.AwaitWait, InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }) => access.Expression,
            (FixHints.AwaitGetResult, InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax getAwaiter } } }) => getAwaiter.Expression,
            _ => null,
        };
        if (node is null || task is null)
        {
            return Task.CompletedTask;
        }

        ExpressionSyntax awaited = SyntaxFactory.AwaitExpression(task.WithoutTrivia());
        ExpressionSyntax replacement = hint == FixHints.AwaitWait
            ? awaited
            : SyntaxFactory.ParenthesizedExpression(awaited).WithAdditionalAnnotations(Simplifier.Annotation);
        RegisterReplacement(context, diagnostic, "Use await", root, node, replacement);
        return Task.CompletedTask;
    }
}
