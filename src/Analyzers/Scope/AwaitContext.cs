using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TrioTest.Analyzers.Scope;

/// <summary>Where an <c>await</c> may go, for the fixes that turn a blocking call into one.</summary>
internal static class AwaitContext
{
    /// <summary>Gets a value indicating whether an <c>await</c> may replace the expression at <paramref name="syntax"/>: an async function encloses it, with no lock, query or catch filter between.</summary>
    /// <param name="syntax">The expression.</param>
    /// <returns><see langword="true"/> if it may; otherwise, <see langword="false"/>.</returns>
    public static bool CanAwaitAt(SyntaxNode syntax)
    {
        foreach (SyntaxNode ancestor in syntax.Ancestors())
        {
            switch (ancestor)
            {
                case LockStatementSyntax or QueryExpressionSyntax or CatchFilterClauseSyntax:
                    return false;
                case AnonymousFunctionExpressionSyntax function:
                    return function.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword);
                case LocalFunctionStatementSyntax local:
                    return local.Modifiers.Any(SyntaxKind.AsyncKeyword);
                case MethodDeclarationSyntax method:
                    return method.Modifiers.Any(SyntaxKind.AsyncKeyword);
                case MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }
}
