using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TrioTest.Analyzers.Scope;

namespace TrioTest.Analyzers.Threads;

/// <summary>
/// TRIO005: <c>.Result</c>, <c>.Wait(...)</c>, <c>GetAwaiter().GetResult()</c>, <c>Task.WaitAll</c> and
/// <c>Task.WaitAny</c> in code on the loop, unless the task is known to have completed: it was awaited (alone or in
/// <c>Task.WhenAll</c>/<c>WhenAny</c>), it is what an awaited <c>Task.WhenAny</c> returned, or its
/// <c>IsCompleted...</c>/<c>Status</c> was read earlier in the same body.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BlockingWaitAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.BlockingWait);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            TestScope scope = TestScope.Get(start.Compilation);
            if (!scope.MayApply(start.Options, start.Compilation))
            {
                return;
            }

            Compilation compilation = start.Compilation;
            INamedTypeSymbol? task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
            INamedTypeSymbol? taskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
            INamedTypeSymbol? valueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");

            start.RegisterOperationAction(context =>
            {
                var reference = (IPropertyReferenceOperation)context.Operation;
                if (reference.Property.Name == "Result" && (reference.Property.ContainingType.Is(taskOfT) || reference.Property.ContainingType.Is(valueTaskOfT)))
                {
                    Report(context, scope, reference.Syntax, reference.Instance, ".Result", FixHints.AwaitResult);
                }
            }, OperationKind.PropertyReference);

            start.RegisterOperationAction(context =>
            {
                var invocation = (IInvocationOperation)context.Operation;
                IMethodSymbol method = invocation.TargetMethod;
                if (method.Name == "Wait" && !method.IsStatic && method.ContainingType.Is(task))
                {
                    bool statement = method.Parameters.Length == 0 && invocation.Parent is IExpressionStatementOperation;
                    Report(context, scope, invocation.Syntax, invocation.Instance, ".Wait()", statement ? FixHints.AwaitWait : null);
                }
                else if (method.Name is "WaitAll" or "WaitAny" && method.IsStatic && method.ContainingType.Is(task))
                {
                    Report(context, scope, invocation.Syntax, null, "Task." + method.Name, null);
                }
                else if (method.Name == "GetResult" && !method.IsStatic && method.Parameters.Length == 0
                    && invocation.Instance is IInvocationOperation { TargetMethod: { Name: "GetAwaiter", IsStatic: false, Parameters.Length: 0 } getAwaiter } awaiterCall
                    && getAwaiter.ReturnType.ContainingNamespace?.ToDisplayString() == "System.Runtime.CompilerServices"
                    && Unconfigured(awaiterCall.Instance) is { Type: { } awaited } waitedTask && awaited.IsTaskLike(compilation))
                {
                    Report(context, scope, invocation.Syntax, waitedTask, "GetAwaiter().GetResult()", FixHints.AwaitGetResult);
                }
            }, OperationKind.Invocation);
        });
    }

    /// <summary>The task under a <c>ConfigureAwait(...)</c> call, or the operation itself.</summary>
    private static IOperation? Unconfigured(IOperation? operation) =>
        operation is IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } task } ? task : operation;

    /// <summary>Reports a blocking wait on <paramref name="waited"/>, unless it is known complete or the code is off the loop.</summary>
    private static void Report(OperationAnalysisContext context, TestScope scope, SyntaxNode syntax, IOperation? waited, string api, string? fix)
    {
        if (!scope.IsOnLoop(context.ContainingSymbol, context.Options, syntax.SyntaxTree) || IsKnownComplete(waited, syntax))
        {
            return;
        }

        // await needs an async function around the wait, and no lock statement between them.
        ImmutableDictionary<string, string?> properties = fix is not null && AwaitContext.CanAwaitAt(syntax)
            ? ImmutableDictionary<string, string?>.Empty.Add(FixHints.Fix, fix)
            : ImmutableDictionary<string, string?>.Empty;
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.BlockingWait, syntax.GetLocation(), properties, api));
    }

    /// <summary>
    /// Whether the waited task is a local, parameter or field that the same body awaited, passed to an awaited
    /// <c>WhenAll</c>/<c>WhenAny</c>, or asked about (<c>IsCompleted</c>, <c>Status</c>, ...) before this wait.
    /// </summary>
    private static bool IsKnownComplete(IOperation? waited, SyntaxNode syntax)
    {
        ISymbol? symbol = waited switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation field => field.Field,
            _ => null,
        };
        SyntaxNode? body = syntax.FirstAncestorOrSelf<SyntaxNode>(static n => n is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax);
        if (symbol is null || body is null || waited?.SemanticModel is not { } model)
        {
            return false;
        }

        // var done = await Task.WhenAny(a, b): the task WhenAny returns has completed.
        if (symbol is ILocalSymbol declared && declared.DeclaringSyntaxReferences.Length == 1
            && declared.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: AwaitExpressionSyntax { Expression: InvocationExpressionSyntax whenAny } }
            && whenAny.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "WhenAny" })
        {
            return true;
        }

        foreach (IdentifierNameSyntax name in body.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (name.SpanStart >= syntax.SpanStart || name.Identifier.ValueText != symbol.Name)
            {
                continue;
            }

            bool completes = name.Ancestors().TakeWhile(a => a != body).Any(static a => a is AwaitExpressionSyntax)
                || name.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "IsCompleted" or "IsCompletedSuccessfully" or "IsFaulted" or "IsCanceled" or "Status" } access && access.Expression == name;
            if (completes && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name).Symbol, symbol))
            {
                return true;
            }
        }

        return false;
    }
}
