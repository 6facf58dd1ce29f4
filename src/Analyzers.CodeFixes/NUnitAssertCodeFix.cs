using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TrioTest.Analyzers.CodeFixes;

/// <summary>
/// Fixes TRIO008 where the assertion's result is unused: <c>Assert.ThrowsAsync&lt;T&gt;(code);</c> becomes
/// <c>await Assert.ThatAsync(code, Throws.TypeOf&lt;T&gt;());</c> (<c>CatchAsync</c>: <c>Throws.InstanceOf</c>,
/// <c>DoesNotThrowAsync</c>: <c>Throws.Nothing</c>), and <c>Assert.Multiple(async ...)</c> becomes
/// <c>await Assert.MultipleAsync(async ...)</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NUnitAssertCodeFix))]
[Shared]
public sealed class NUnitAssertCodeFix : TrioCodeFix
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = Ids(DiagnosticIds.NUnitBlockingAssert);

    /// <inheritdoc/>
    protected override Task RegisterAsync(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic, string hint)
    {
        if (Find<InvocationExpressionSyntax>(root, diagnostic.Location.SourceSpan) is not { Expression: MemberAccessExpressionSyntax access } invocation)
        {
            return Task.CompletedTask;
        }

        SeparatedSyntaxList<ArgumentSyntax> arguments = invocation.ArgumentList.Arguments;
        InvocationExpressionSyntax? awaitable = null;
        if (hint == FixHints.AwaitMultiple)
        {
            awaitable = invocation.WithExpression(access.WithName(SyntaxFactory.IdentifierName("MultipleAsync")));
        }
        else if (hint == FixHints.AwaitAssertion && diagnostic.Properties.TryGetValue(FixHints.Constraint, out string? constraint) && constraint is not null)
        {
            // Throws.TypeOf(type) takes the type argument's text; the delegate is the last argument either way.
            string text = constraint.Contains("{0}") ? constraint.Replace("{0}", arguments[0].Expression.ToString()) : constraint;
            ArgumentSyntax code = arguments[arguments.Count - 1];
            ArgumentListSyntax list = SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[] { code, SyntaxFactory.Argument(Parse("global::NUnit.Framework." + text)) }));
            awaitable = SyntaxFactory.InvocationExpression(access.WithName(SyntaxFactory.IdentifierName("ThatAsync")), list);
        }

        if (awaitable is not null)
        {
            RegisterReplacement(context, diagnostic, "Await the assertion", root, invocation, SyntaxFactory.AwaitExpression(awaitable.WithoutTrivia()));
        }

        return Task.CompletedTask;
    }
}
