using Microsoft.CodeAnalysis;

namespace TrioTest.Analyzers.CodeFixes;

/// <summary>
/// The <c>TimeProvider</c>s a fix can pass at a place in the code: one already in scope (a parameter of the enclosing
/// function, or a field or property of the enclosing type: production code's injected provider), and
/// <c>Trio.TimeProvider</c> when the project references TrioTest.
/// </summary>
internal static class TimeProviders
{
    /// <summary>Finds the providers at <paramref name="node"/>, the injected one first.</summary>
    /// <param name="model">The semantic model.</param>
    /// <param name="node">The node a provider is needed at.</param>
    /// <returns>Each provider as (title, expression text with full names).</returns>
    public static List<(string Title, string Expression)> Find(SemanticModel model, SyntaxNode node)
    {
        List<(string Title, string Expression)> providers = [];
        INamedTypeSymbol? timeProvider = model.Compilation.GetTypeByMetadataName("System.TimeProvider");
        if (timeProvider is null)
        {
            return providers;
        }

        if (FindInjected(model, node, timeProvider) is { } injected)
        {
            providers.Add(($"Pass the injected TimeProvider '{injected}'", injected));
        }

        if (model.Compilation.GetTypeByMetadataName("TrioTest.Trio") is not null)
        {
            providers.Add(("Pass Trio.TimeProvider", "global::TrioTest.Trio.TimeProvider"));
        }

        return providers;
    }

    /// <summary>A parameter, field or property of type <c>TimeProvider</c> visible at <paramref name="node"/>, by name.</summary>
    private static string? FindInjected(SemanticModel model, SyntaxNode node, INamedTypeSymbol timeProvider)
    {
        bool isStatic = model.GetEnclosingSymbol(node.SpanStart) is { } enclosing && IsInStaticMember(enclosing);
        string? member = null;
        foreach (ISymbol symbol in model.LookupSymbols(node.SpanStart))
        {
            ITypeSymbol? type = symbol switch
            {
                IParameterSymbol parameter => parameter.Type,
                IFieldSymbol field when field.IsStatic || !isStatic => field.Type,
                IPropertySymbol property when property.IsStatic || !isStatic => property.Type,
                _ => null,
            };
            if (type is null || !SymbolEqualityComparer.Default.Equals(type, timeProvider))
            {
                continue;
            }

            // A parameter is the closest injection; a field or property of the type the next.
            if (symbol is IParameterSymbol)
            {
                return symbol.Name;
            }

            member ??= symbol.Name;
        }

        return member;
    }

    /// <summary>Whether the code of <paramref name="symbol"/> has no <c>this</c>.</summary>
    private static bool IsInStaticMember(ISymbol symbol)
    {
        for (ISymbol? current = symbol; current is not null and not INamedTypeSymbol; current = current.ContainingSymbol)
        {
            if (current.IsStatic && current is not IMethodSymbol { MethodKind: MethodKind.LambdaMethod or MethodKind.LocalFunction })
            {
                return true;
            }
        }

        return false;
    }
}
