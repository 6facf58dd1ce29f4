using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TrioTest.Analyzers.Scope;

/// <summary>
/// Decides which code the loop runs, as far as the analyzers can tell without a call graph: the members of a class
/// that declares (or inherits) an <c>[AsyncTest]</c> or <c>[AsyncTheory]</c> method, and of the types nested in it.
/// The constructor, the lifetime methods, the helpers and the test methods of such a class all run on the loop.
/// </summary>
/// <remarks>
/// One instance per compilation, shared by every analyzer through <see cref="Get"/>. The option
/// <c>triotest_analyzers_scope = all</c> (in .editorconfig or a global config) widens the scope to all code, for
/// production projects whose code runs under <c>Trio.Run</c>.
/// </remarks>
internal sealed class TestScope
{
    /// <summary>The option that widens the scope.</summary>
    public const string ScopeOption = "triotest_analyzers_scope";

    /// <summary>The metadata names of the attributes that put a method on the loop.</summary>
    private static readonly string[] s_testAttributeNames =
    [
        "TrioTest.Xunit.AsyncTestAttribute",
        "TrioTest.Xunit.AsyncTheoryAttribute",
        "TrioTest.NUnit.AsyncTestAttribute",
        "TrioTest.MSTest.AsyncTestMethodAttribute",
        "TrioTest.Xunit.v3.AsyncTestAttribute",
        "TrioTest.Xunit.v3.AsyncTheoryAttribute",
        "TrioTest.TUnit.AsyncTestAttribute",
    ];

    /// <summary>One scope per compilation: analyzers of the same compilation share the classes already classified.</summary>
    private static readonly ConditionalWeakTable<Compilation, TestScope> s_scopes = new();

    /// <summary>Whether each type seen so far declares or inherits a test method; types are classified once, by whichever analyzer asks first.</summary>
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _testClasses = new(SymbolEqualityComparer.Default);

    /// <summary>Creates the scope of a compilation.</summary>
    private TestScope(Compilation compilation)
    {
        ImmutableArray<INamedTypeSymbol>.Builder attributes = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (string name in s_testAttributeNames)
        {
            if (compilation.GetTypeByMetadataName(name) is { } attribute)
            {
                attributes.Add(attribute);
            }
        }

        TestAttributes = attributes.ToImmutable();
    }

    /// <summary>Gets the test attributes the compilation references (none in a project without an adapter).</summary>
    public ImmutableArray<INamedTypeSymbol> TestAttributes { get; }

    /// <summary>Gets the scope of <paramref name="compilation"/>.</summary>
    /// <param name="compilation">The compilation.</param>
    /// <returns>Its scope.</returns>
    public static TestScope Get(Compilation compilation) => s_scopes.GetValue(compilation, static c => new TestScope(c));

    /// <summary>Gets a value indicating whether any code of the compilation can be in scope, so analyzers can skip registering.</summary>
    /// <param name="options">The analyzer options.</param>
    /// <param name="compilation">The compilation.</param>
    /// <returns><see langword="true"/> if a test attribute is referenced or the scope is widened; otherwise, <see langword="false"/>.</returns>
    public bool MayApply(AnalyzerOptions options, Compilation compilation)
    {
        if (!TestAttributes.IsEmpty)
        {
            return true;
        }

        if (IsWidened(options.AnalyzerConfigOptionsProvider.GlobalOptions))
        {
            return true;
        }

        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            if (IsWidened(options.AnalyzerConfigOptionsProvider.GetOptions(tree)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Gets a value indicating whether code of <paramref name="containingSymbol"/> runs on the loop as far as the analyzers tell.</summary>
    /// <param name="containingSymbol">The member (or type) that contains the code.</param>
    /// <param name="options">The analyzer options.</param>
    /// <param name="tree">The syntax tree of the code, for its options.</param>
    /// <returns><see langword="true"/> if the code is in scope; otherwise, <see langword="false"/>.</returns>
    public bool IsOnLoop(ISymbol containingSymbol, AnalyzerOptions options, SyntaxTree tree)
    {
        if (IsWidened(options.AnalyzerConfigOptionsProvider.GetOptions(tree)))
        {
            return true;
        }

        if (TestAttributes.IsEmpty)
        {
            return false;
        }

        for (INamedTypeSymbol? type = containingSymbol as INamedTypeSymbol ?? containingSymbol.ContainingType; type is not null; type = type.ContainingType)
        {
            if (_testClasses.GetOrAdd(type, IsTestClass))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Finds the test attribute on <paramref name="method"/>, if any.</summary>
    /// <param name="method">The method.</param>
    /// <returns>The one of <see cref="TestAttributes"/> the method's attribute is or derives from, or <see langword="null"/>.</returns>
    public INamedTypeSymbol? FindTestAttribute(IMethodSymbol method)
    {
        if (TestAttributes.IsEmpty)
        {
            return null;
        }

        foreach (AttributeData attribute in method.GetAttributes())
        {
            for (INamedTypeSymbol? type = attribute.AttributeClass; type is not null; type = type.BaseType)
            {
                foreach (INamedTypeSymbol test in TestAttributes)
                {
                    if (SymbolEqualityComparer.Default.Equals(type, test))
                    {
                        return test;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>Whether the options widen the scope to all code.</summary>
    private static bool IsWidened(AnalyzerConfigOptions options) =>
        options.TryGetValue(ScopeOption, out string? value) && string.Equals(value?.Trim(), "all", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="type"/> or a base class declares a method with a test attribute.</summary>
    private bool IsTestClass(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (ISymbol member in current.GetMembers())
            {
                if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method && FindTestAttribute(method) is not null)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
