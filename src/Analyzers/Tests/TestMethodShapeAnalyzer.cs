using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TrioTest.Analyzers.Scope;

namespace TrioTest.Analyzers.Tests;

/// <summary>
/// TRIO007: an <c>[AsyncTest]</c> or <c>[AsyncTheory]</c> method that is <c>async void</c>, returns something other than
/// a task, or is generic with nothing to fix its type arguments (and xunit's <c>[AsyncTest]</c> with parameters). The messages are the adapters' discovery messages, word for word, so the editor says what a
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

    /// <summary>The adapter's message for a method it cannot run, or <see langword="null"/> for one it can; checked in the adapters' order.</summary>
    private static string? Check(IMethodSymbol method, INamedTypeSymbol attribute, Compilation compilation)
    {
        string attributeName = attribute.Name.Substring(0, attribute.Name.Length - "Attribute".Length);
        string name = $"{method.ContainingType.MetadataName}.{method.Name}";
        bool nunit = attribute.ContainingNamespace.ToDisplayString() == "TrioTest.NUnit";

        // A theory's rows (xunit's [AsyncTheory], NUnit's [TestCase]) can fix the type arguments; nothing else can.
        if (method.IsGenericMethod && attributeName == "AsyncTest" && !(nunit && HasNUnitCases(method)))
        {
            return nunit
                ? $"[AsyncTest] method {name} is generic, and nothing says what its type arguments are: make it non-generic (call a generic helper from it), or add [TestCase] rows that fix them."
                : $"[AsyncTest] method {name} is generic, and nothing says what its type arguments are: make it non-generic (call a generic helper from it), or use [AsyncTheory] with data rows that fix them.";
        }

        if (!nunit && attributeName == "AsyncTest" && method.Parameters.Length != 0)
        {
            return $"[AsyncTest] method {name} has parameters, but [AsyncTest] passes no arguments: use [AsyncTheory] with [InlineData] or [MemberData] rows, or remove the parameters.";
        }

        if (!method.ReturnsVoid && method.ReturnType.IsTaskLike(compilation))
        {
            return null;
        }

        return method.IsAsync && method.ReturnsVoid
            ? $"[{attributeName}] method {name} is 'async void': its failures would escape the test. Declare it 'async Task'."
            : $"[{attributeName}] method {name} returns {RuntimeName(method.ReturnType)}, but TrioTest runs async code: declare it 'async Task' (or 'Task'/'ValueTask'), or use [{(nunit ? "Test" : "Fact")}] for synchronous tests.";
    }

    /// <summary>Whether the method has NUnit case data (<c>[TestCase]</c>, <c>[TestCaseSource]</c>), whose arguments can infer type arguments.</summary>
    private static bool HasNUnitCases(IMethodSymbol method) =>
        method.GetAttributes().Any(static a => a.AttributeClass is { Name: "TestCaseAttribute" or "TestCaseSourceAttribute" } type
            && type.ContainingNamespace.ToDisplayString() == "NUnit.Framework");

    /// <summary>The name reflection gives the type (<c>Type.Name</c>), which the adapters print: <c>Void</c>, <c>Int32</c>, <c>List`1</c>.</summary>
    private static string RuntimeName(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => RuntimeName(array.ElementType) + "[" + new string(',', array.Rank - 1) + "]",
        IPointerTypeSymbol pointer => RuntimeName(pointer.PointedAtType) + "*",
        _ => type.MetadataName,
    };
}
