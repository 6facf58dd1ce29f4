using Microsoft.CodeAnalysis;

namespace TrioTest.Analyzers.Scope;

/// <summary>Small questions about symbols that several rules ask.</summary>
internal static class Symbols
{
    /// <summary>Gets a value indicating whether <paramref name="type"/> is <paramref name="expected"/>, comparing original definitions.</summary>
    /// <param name="type">The type to test, possibly a constructed generic.</param>
    /// <param name="expected">The type (a definition) to compare with; <see langword="null"/> when the compilation lacks it.</param>
    /// <returns><see langword="true"/> if they are the same definition; otherwise, <see langword="false"/>.</returns>
    public static bool Is(this ITypeSymbol? type, INamedTypeSymbol? expected) =>
        type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);

    /// <summary>Gets a value indicating whether <paramref name="method"/> takes a parameter of type <paramref name="parameterType"/>.</summary>
    /// <param name="method">The method.</param>
    /// <param name="parameterType">The parameter type.</param>
    /// <returns><see langword="true"/> if it does; otherwise, <see langword="false"/>.</returns>
    public static bool HasParameterOf(this IMethodSymbol method, INamedTypeSymbol? parameterType)
    {
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            if (parameter.Type.Is(parameterType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Gets a value indicating whether <paramref name="type"/> is an awaitable TrioTest drives: <c>Task</c> (or a class derived from it), <c>Task&lt;T&gt;</c>, <c>ValueTask</c> or <c>ValueTask&lt;T&gt;</c>.</summary>
    /// <param name="type">The type.</param>
    /// <param name="compilation">The compilation, for the task types.</param>
    /// <returns><see langword="true"/> if it is; otherwise, <see langword="false"/>.</returns>
    public static bool IsTaskLike(this ITypeSymbol type, Compilation compilation)
    {
        INamedTypeSymbol? task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        for (ITypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (current.Is(task))
            {
                return true;
            }
        }

        return type.Is(compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask"))
            || type.Is(compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1"));
    }
}
