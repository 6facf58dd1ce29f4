using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TrioTest.Analyzers.Scope;

namespace TrioTest.Analyzers.Tests;

/// <summary>
/// TRIO007: an <c>[AsyncTest]</c> or <c>[AsyncTheory]</c> method that is <c>async void</c>, returns something other than
/// a task, or is generic or takes parameters with nothing to pass it arguments (no <c>[AsyncTheory]</c>, <c>[TestCase]</c>, <c>[DataRow]</c> or parameter data), for every adapter's attribute. The messages are the adapters' discovery messages, word for word, so the editor says what a
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

        // Each adapter's words for passing arguments and for a synchronous test, and whether this method gets arguments.
        (string dataAttributes, string plainAttribute, bool hasData) = attribute.ContainingNamespace.ToDisplayString() switch
        {
            "TrioTest.NUnit" => ("[TestCase] or [TestCaseSource] rows", "[Test]", HasNUnitData(method)),
            "TrioTest.MSTest" => ("[DataRow] rows or [DynamicData]", "[TestMethod]", HasAttribute(method, "Microsoft.VisualStudio.TestTools.UnitTesting", "DataRowAttribute", "DynamicDataAttribute")),
            "TrioTest.Xunit.v3" => ("[AsyncTheory] with [InlineData], [MemberData] or [ClassData] rows", "[Fact]", attributeName == "AsyncTheory"),

            // TUnit's own source generator refuses parameters without a data source; the adapter sees only methods it let through.
            "TrioTest.TUnit" => ("[Arguments] or [MethodDataSource] rows", "[Test] without [AsyncTest]", method.Parameters.Length > 0),
            _ => ("[AsyncTheory] with [InlineData] or [MemberData] rows", "[Fact]", attributeName == "AsyncTheory"),
        };
        if (method.IsGenericMethod && !hasData)
        {
            return $"[{attributeName}] method {name} is generic, and nothing says what its type arguments are: make it non-generic (call a generic helper from it), or use {dataAttributes} that fix them.";
        }

        if (!hasData && DataParameterCount(method) != 0)
        {
            return $"[{attributeName}] method {name} has parameters, but [{attributeName}] passes no arguments: use {dataAttributes}, or remove the parameters.";
        }

        if (!method.ReturnsVoid && method.ReturnType.IsTaskLike(compilation))
        {
            return null;
        }

        return method.IsAsync && method.ReturnsVoid
            ? $"[{attributeName}] method {name} is 'async void': its failures would escape the test. Declare it 'async Task'."
            : $"[{attributeName}] method {name} returns {RuntimeName(method.ReturnType)}, but TrioTest runs async code: declare it 'async Task' (or 'Task'/'ValueTask'), or use {plainAttribute} for synchronous tests.";
    }

    /// <summary>Whether NUnit passes the method arguments: case data (<c>[TestCase]</c>, <c>[TestCaseSource]</c>) or parameter data (<c>[Values]</c>, <c>[Range]</c>, ...).</summary>
    private static bool HasNUnitData(IMethodSymbol method) =>
        method.GetAttributes().Any(static a => IsNUnit(a, "TestCaseAttribute", "TestCaseSourceAttribute"))
        || method.Parameters.Any(static p => p.GetAttributes().Any(static a => IsNUnit(a, "ValuesAttribute", "RangeAttribute", "RandomAttribute", "ValueSourceAttribute")));

    /// <summary>Whether the method carries an attribute of one of those names from that namespace.</summary>
    private static bool HasAttribute(IMethodSymbol method, string space, params string[] names) =>
        method.GetAttributes().Any(a => a.AttributeClass is { } type && names.Contains(type.Name) && type.ContainingNamespace.ToDisplayString() == space);

    /// <summary>Whether an attribute is one of NUnit's of those names.</summary>
    private static bool IsNUnit(AttributeData attribute, params string[] names) =>
        attribute.AttributeClass is { } type && names.Contains(type.Name) && type.ContainingNamespace.ToDisplayString() == "NUnit.Framework";

    /// <summary>How many parameters take data: all but a trailing <see cref="CancellationToken"/>, which the adapters fill.</summary>
    private static int DataParameterCount(IMethodSymbol method) =>
        method.Parameters.Length > 0 && method.Parameters[method.Parameters.Length - 1].Type.ToDisplayString() == "System.Threading.CancellationToken"
            ? method.Parameters.Length - 1
            : method.Parameters.Length;

    /// <summary>The name reflection gives the type (<c>Type.Name</c>), which the adapters print: <c>Void</c>, <c>Int32</c>, <c>List`1</c>.</summary>
    private static string RuntimeName(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => RuntimeName(array.ElementType) + "[" + new string(',', array.Rank - 1) + "]",
        IPointerTypeSymbol pointer => RuntimeName(pointer.PointedAtType) + "*",
        _ => type.MetadataName,
    };
}
