using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace TrioTest.Analyzers.CodeFixes;

/// <summary>
/// The common shape of TrioTest's code fixes: each diagnostic carries, in <c>FixHints.Fix</c>, the fix its analyzer
/// found safe; a diagnostic without one gets no fix. Subclasses turn a hint into edits of the document.
/// </summary>
public abstract class TrioCodeFix : CodeFixProvider
{
    /// <inheritdoc/>
    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (diagnostic.Properties.TryGetValue(FixHints.Fix, out string? hint) && hint is not null)
            {
                await RegisterAsync(context, root, diagnostic, hint).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Registers the fixes of one diagnostic.</summary>
    /// <param name="context">The code-fix context.</param>
    /// <param name="root">The document's root.</param>
    /// <param name="diagnostic">The diagnostic.</param>
    /// <param name="hint">Its fix hint.</param>
    /// <returns>A task that completes when the fixes are registered.</returns>
    protected abstract Task RegisterAsync(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic, string hint);

    /// <summary>Finds the node of type <typeparamref name="T"/> whose span is exactly <paramref name="span"/>.</summary>
    /// <typeparam name="T">The node type.</typeparam>
    /// <param name="root">The root.</param>
    /// <param name="span">The diagnostic's span.</param>
    /// <returns>The node, or <see langword="null"/>.</returns>
    protected static T? Find<T>(SyntaxNode root, Microsoft.CodeAnalysis.Text.TextSpan span)
        where T : SyntaxNode
    {
        foreach (SyntaxNode node in root.FindNode(span, getInnermostNodeForTie: true).AncestorsAndSelf())
        {
            if (node.Span != span)
            {
                return null;
            }

            if (node is T found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>Parses <paramref name="text"/> as an expression whose names the simplifier shortens (and imports) afterwards.</summary>
    /// <param name="text">The expression, with fully qualified names.</param>
    /// <returns>The expression.</returns>
    protected static ExpressionSyntax Parse(string text)
    {
        // Each qualified part carries the annotation: on a whole call, the simplifier leaves the names inside it as they are.
        ExpressionSyntax expression = SyntaxFactory.ParseExpression(text);
        expression = expression.ReplaceNodes(
            expression.DescendantNodes().Where(static n => n is MemberAccessExpressionSyntax or AliasQualifiedNameSyntax or QualifiedNameSyntax),
            static (_, rewritten) => rewritten.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation));
        return expression.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation, Formatter.Annotation);
    }

    /// <summary>Registers a fix that replaces <paramref name="node"/> with <paramref name="replacement"/>.</summary>
    /// <param name="context">The code-fix context.</param>
    /// <param name="diagnostic">The diagnostic it fixes.</param>
    /// <param name="title">The title, also the equivalence key.</param>
    /// <param name="root">The document's root.</param>
    /// <param name="node">The node to replace.</param>
    /// <param name="replacement">Its replacement (trivia is carried over).</param>
    protected static void RegisterReplacement(CodeFixContext context, Diagnostic diagnostic, string title, SyntaxNode root, SyntaxNode node, SyntaxNode replacement)
    {
        Document document = context.Document;
        SyntaxNode withTrivia = replacement.WithTriviaFrom(node);
        context.RegisterCodeFix(
            CodeAction.Create(title, _ => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(node, withTrivia))), title),
            diagnostic);
    }

    /// <summary>Gets the diagnostics this provider fixes.</summary>
    /// <param name="ids">The IDs.</param>
    /// <returns>The IDs as an array.</returns>
    protected static ImmutableArray<string> Ids(params string[] ids) => ImmutableArray.Create(ids);
}
