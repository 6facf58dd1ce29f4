using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TrioTest.Analyzers.Scope;

namespace TrioTest.Analyzers.Tests;

/// <summary>
/// TRIO008: NUnit's <c>Assert.ThrowsAsync</c>, <c>Assert.CatchAsync</c>, <c>Assert.DoesNotThrowAsync</c> and
/// <c>Assert.Multiple(async ...)</c>, which block on their delegate's task, in code on the loop.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NUnitBlockingAssertAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.NUnitBlockingAssert);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            TestScope scope = TestScope.Get(start.Compilation);
            INamedTypeSymbol? assert = start.Compilation.GetTypeByMetadataName("NUnit.Framework.Assert");
            if (assert is null || !scope.MayApply(start.Options, start.Compilation))
            {
                return;
            }

            // NUnit 4 added the awaitable forms; the fix is offered only where they exist.
            bool hasThatAsync = !assert.GetMembers("ThatAsync").IsEmpty;
            bool hasMultipleAsync = !assert.GetMembers("MultipleAsync").IsEmpty;

            start.RegisterOperationAction(context =>
            {
                var invocation = (IInvocationOperation)context.Operation;
                IMethodSymbol method = invocation.TargetMethod;
                if (!method.IsStatic || !method.ContainingType.Is(assert))
                {
                    return;
                }

                bool asyncDelegate = method.Parameters.Any(static p => p.Type.Name == "AsyncTestDelegate");
                (string? replacement, string? constraint) = method.Name switch
                {
                    "ThrowsAsync" => ("await Assert.ThatAsync(code, Throws.TypeOf<T>())", ThrowsConstraint(method, "TypeOf")),
                    "CatchAsync" => ("await Assert.ThatAsync(code, Throws.InstanceOf<T>())", ThrowsConstraint(method, "InstanceOf")),
                    "DoesNotThrowAsync" => ("await Assert.ThatAsync(code, Throws.Nothing)", method.Parameters.Length == 1 ? "Throws.Nothing" : null),
                    "Multiple" when asyncDelegate => ("await Assert.MultipleAsync(...)", null),
                    _ => ((string?)null, (string?)null),
                };
                if (replacement is null || !asyncDelegate || !scope.IsOnLoop(context.ContainingSymbol, context.Options, invocation.Syntax.SyntaxTree))
                {
                    return;
                }

                // The awaited forms return no exception: the fix is safe only where the result is unused, in an async function.
                ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty;
                if (invocation.Parent is IExpressionStatementOperation && AwaitContext.CanAwaitAt(invocation.Syntax) && invocation.Arguments.All(static a => a.ArgumentKind != ArgumentKind.ParamArray))
                {
                    if (method.Name == "Multiple" && hasMultipleAsync)
                    {
                        properties = properties.Add(FixHints.Fix, FixHints.AwaitMultiple);
                    }
                    else if (constraint is not null && hasThatAsync)
                    {
                        properties = properties.Add(FixHints.Fix, FixHints.AwaitAssertion).Add(FixHints.Constraint, constraint);
                    }
                }

                context.ReportDiagnostic(Diagnostic.Create(Descriptors.NUnitBlockingAssert, invocation.Syntax.GetLocation(), properties, method.Name, replacement));
            }, OperationKind.Invocation);
        });
    }

    /// <summary>
    /// The <c>Throws</c> constraint equivalent to <paramref name="method"/>: <c>Throws.TypeOf&lt;T&gt;()</c> for the generic
    /// form, <c>Throws.TypeOf(type)</c> (with <c>{0}</c> for the type argument's text) for the <c>Type</c> form, and
    /// <c>Throws.Exception</c> for <c>CatchAsync(code)</c>, and <see langword="null"/> for forms with a message, which the awaited form spells differently.
    /// </summary>
    private static string? ThrowsConstraint(IMethodSymbol method, string kind)
    {
        if (method.IsGenericMethod && method.Parameters.Length == 1)
        {
            return $"Throws.{kind}<{method.TypeArguments[0].ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)}>()";
        }

        if (!method.IsGenericMethod && method.Parameters.Length == 1 && kind == "InstanceOf")
        {
            return "Throws.Exception";
        }

        return !method.IsGenericMethod && method.Parameters.Length == 2 && method.Parameters[0].Type.Name == "Type"
            ? $"Throws.{kind}({{0}})"
            : null;
    }
}
