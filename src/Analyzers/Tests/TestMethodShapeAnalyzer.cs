using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TrioTest.Analyzers.Scope;

namespace TrioTest.Analyzers.Tests;

/// <summary>
/// TRIO007: an <c>[AsyncTest]</c> or <c>[AsyncTheory]</c> method that is <c>async void</c>, returns something other than
/// a task, or is generic. The messages are the adapters' discovery messages, word for word, so the editor says what a
/// test run would.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TestMethodShapeAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.TestMethodShape);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            TestScope scope = TestScope.Get(start.Compilation);
            if (scope.TestAttributes.IsEmpty)
            {
                return;
            }

            start.RegisterSymbolAction(context =>
            {
                var method = (IMethodSymbol)context.Symbol;
                if (method.MethodKind != MethodKind.Ordinary || scope.FindTestAttribute(method) is not { } attribute)
                {
                    return;
                }

                string? message = Check(method, attribute, context.Compilation);
                if (message is not null)
                {
                    ImmutableDictionary<string, string?> properties = method.IsAsync && method.ReturnsVoid
                        ? ImmutableDictionary<string, string?>.Empty.Add(FixHints.Fix, FixHints.ReturnTask)
                        : ImmutableDictionary<string, string?>.Empty;
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.TestMethodShape, method.Locations[0], properties, message));
                }
            }, SymbolKind.Method);
        });
    }

    /// <summary>The adapter's message for a method it cannot run, or <see langword="null"/> for one it can.</summary>
    private static string? Check(IMethodSymbol method, INamedTypeSymbol attribute, Compilation compilation)
    {
        string attributeName = attribute.Name.Substring(0, attribute.Name.Length - "Attribute".Length);
        string name = $"{method.ContainingType.MetadataName}.{method.Name}";
        if (!method.ReturnsVoid && method.ReturnType.IsTaskLike(compilation))
        {
            return method.IsGenericMethod
                ? $"[{attributeName}] method {name} is generic: TrioTest cannot choose its type arguments. Remove the type parameters, or call a generic helper from a non-generic test."
                : null;
        }

        string synchronousAttribute = attribute.ContainingNamespace.ToDisplayString() == "TrioTest.NUnit" ? "Test" : "Fact";
        return method.IsAsync && method.ReturnsVoid
            ? $"[{attributeName}] method {name} is 'async void': its failures would escape the test. Declare it 'async Task'."
            : $"[{attributeName}] method {name} returns {RuntimeName(method.ReturnType)}, but TrioTest runs async code: declare it 'async Task' (or 'Task'/'ValueTask'), or use [{synchronousAttribute}] for synchronous tests.";
    }

    /// <summary>The name reflection gives the type (<c>Type.Name</c>), which the adapters print: <c>Void</c>, <c>Int32</c>, <c>List`1</c>.</summary>
    private static string RuntimeName(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => RuntimeName(array.ElementType) + "[" + new string(',', array.Rank - 1) + "]",
        IPointerTypeSymbol pointer => RuntimeName(pointer.PointedAtType) + "*",
        _ => type.MetadataName,
    };
}
