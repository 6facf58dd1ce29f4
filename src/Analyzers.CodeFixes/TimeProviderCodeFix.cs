using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace TrioTest.Analyzers.CodeFixes;

/// <summary>
/// Fixes TRIO001 (a real timer gets a <c>TimeProvider</c> argument) and TRIO002 (an ambient clock becomes the
/// provider's clock), offering the injected provider in scope and <c>Trio.TimeProvider</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TimeProviderCodeFix))]
[Shared]
public sealed class TimeProviderCodeFix : TrioCodeFix
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = Ids(DiagnosticIds.RealTimer, DiagnosticIds.AmbientClock);

    /// <inheritdoc/>
    protected override async Task RegisterAsync(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic, string hint)
    {
        SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (model is null || Find<ExpressionSyntax>(root, diagnostic.Location.SourceSpan) is not { } node)
        {
            return;
        }

        foreach ((string title, string provider) in TimeProviders.Find(model, node))
        {
            SyntaxNode? replacement = hint switch
            {
                FixHints.AddProvider or FixHints.AddProviderFromMilliseconds => AddProvider(node, provider, hint == FixHints.AddProviderFromMilliseconds),
                FixHints.DateTimeUtcNow => Parse($"{provider}.GetUtcNow().UtcDateTime"),
                FixHints.DateTimeNow => Parse($"{provider}.GetLocalNow().DateTime"),
                FixHints.DateTimeToday => Parse($"{provider}.GetLocalNow().Date"),
                FixHints.DateTimeOffsetUtcNow => Parse($"{provider}.GetUtcNow()"),
                FixHints.DateTimeOffsetNow => Parse($"{provider}.GetLocalNow()"),
                FixHints.StopwatchStatic => FromStopwatch(node, provider),
                _ => null,
            };
            if (replacement is not null)
            {
                RegisterReplacement(context, diagnostic, title, root, node, replacement);
            }
        }
    }

    /// <summary><c>Task.Delay(d[, ct])</c> becomes <c>Task.Delay(d, provider[, ct])</c>; milliseconds become a <c>TimeSpan</c>.</summary>
    private static SyntaxNode? AddProvider(ExpressionSyntax node, string provider, bool fromMilliseconds)
    {
        ArgumentListSyntax? arguments = node switch
        {
            InvocationExpressionSyntax invocation => invocation.ArgumentList,
            BaseObjectCreationExpressionSyntax creation => creation.ArgumentList,
            _ => null,
        };
        if (arguments is null || arguments.Arguments.Count == 0 || arguments.Arguments.Any(static a => a.NameColon is not null))
        {
            return null;
        }

        ArgumentSyntax first = arguments.Arguments[0];
        SeparatedSyntaxList<ArgumentSyntax> list = arguments.Arguments;
        if (fromMilliseconds)
        {
            // The type alone carries the simplifier's annotation: on the whole call it is left fully qualified.
            TypeSyntax timeSpan = SyntaxFactory.ParseTypeName("global::System.TimeSpan").WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
            ExpressionSyntax milliseconds = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, timeSpan, SyntaxFactory.IdentifierName("FromMilliseconds")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(first.Expression.WithoutTrivia()))));
            list = list.Replace(first, first.WithExpression(milliseconds));
        }

        list = list.Insert(1, SyntaxFactory.Argument(Parse(provider)));
        return node.ReplaceNode(arguments, arguments.WithArguments(list));
    }

    /// <summary><c>Stopwatch.GetTimestamp()</c> and <c>Stopwatch.GetElapsedTime(...)</c> become the provider's methods, arguments kept.</summary>
    private static SyntaxNode? FromStopwatch(ExpressionSyntax node, string provider) =>
        node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation
            ? invocation.WithExpression(Parse($"{provider}.{access.Name.Identifier.ValueText}"))
            : null;
}
