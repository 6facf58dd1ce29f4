using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TrioTest.Analyzers.CodeFixes;

/// <summary>
/// Fixes TRIO003 for blocking work: <c>Task.Run(work)</c> becomes <c>Trio.ToThreadAsync(work)</c>, which returns the
/// same task type. Concurrent async work belongs in a nursery, a change of structure no fix makes for you.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ToThreadCodeFix))]
[Shared]
public sealed class ToThreadCodeFix : TrioCodeFix
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = Ids(DiagnosticIds.ThreadPoolWork);

    /// <inheritdoc/>
    protected override Task RegisterAsync(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic, string hint)
    {
        if (hint == FixHints.ToThread
            && Find<InvocationExpressionSyntax>(root, diagnostic.Location.SourceSpan) is { Expression: MemberAccessExpressionSyntax access } invocation)
        {
            string typeArguments = access.Name is GenericNameSyntax generic ? generic.TypeArgumentList.ToString() : string.Empty;
            RegisterReplacement(
                context,
                diagnostic,
                "Run the blocking work with Trio.ToThreadAsync",
                root,
                invocation,
                invocation.WithExpression(Parse("global::TrioTest.Trio.ToThreadAsync" + typeArguments)));
        }

        return Task.CompletedTask;
    }
}
