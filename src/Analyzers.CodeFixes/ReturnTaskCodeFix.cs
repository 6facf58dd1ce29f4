using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace TrioTest.Analyzers.CodeFixes;

/// <summary>Fixes TRIO007 for <c>async void</c>: the test method returns <c>Task</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReturnTaskCodeFix))]
[Shared]
public sealed class ReturnTaskCodeFix : TrioCodeFix
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = Ids(DiagnosticIds.TestMethodShape);

    /// <inheritdoc/>
    protected override Task RegisterAsync(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic, string hint)
    {
        if (hint == FixHints.ReturnTask
            && root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.FirstAncestorOrSelf<MethodDeclarationSyntax>() is { } method)
        {
            TypeSyntax task = SyntaxFactory.ParseTypeName("global::System.Threading.Tasks.Task")
                .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
            RegisterReplacement(context, diagnostic, "Declare it 'async Task'", root, method.ReturnType, task);
        }

        return Task.CompletedTask;
    }
}
