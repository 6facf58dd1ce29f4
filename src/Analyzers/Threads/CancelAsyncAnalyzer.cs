using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TrioTest.Analyzers.Scope;

namespace TrioTest.Analyzers.Threads;

/// <summary>TRIO004: <c>CancellationTokenSource.CancelAsync()</c> in code on the loop.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CancelAsyncAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CancelAsync);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            TestScope scope = TestScope.Get(start.Compilation);
            INamedTypeSymbol? source = start.Compilation.GetTypeByMetadataName("System.Threading.CancellationTokenSource");
            if (source is null || !scope.MayApply(start.Options, start.Compilation))
            {
                return;
            }

            start.RegisterOperationAction(context =>
            {
                var invocation = (IInvocationOperation)context.Operation;
                if (invocation.TargetMethod is not { Name: "CancelAsync", IsStatic: false } method || !method.ContainingType.Is(source)
                    || !scope.IsOnLoop(context.ContainingSymbol, context.Options, invocation.Syntax.SyntaxTree))
                {
                    return;
                }

                // The fix is safe only where the task is awaited as a statement of its own: Cancel() returns nothing to use.
                ImmutableDictionary<string, string?> properties = IsAwaitedStatement(invocation)
                    ? ImmutableDictionary<string, string?>.Empty.Add(FixHints.Fix, FixHints.Cancel)
                    : ImmutableDictionary<string, string?>.Empty;
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.CancelAsync, invocation.Syntax.GetLocation(), properties));
            }, OperationKind.Invocation);
        });
    }

    /// <summary>Whether the invocation is <c>await x.CancelAsync();</c>, possibly through <c>ConfigureAwait</c>.</summary>
    private static bool IsAwaitedStatement(IInvocationOperation invocation)
    {
        IOperation? parent = invocation.Parent;
        if (parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configured && configured.Instance == invocation)
        {
            parent = configured.Parent;
        }

        return parent is IAwaitOperation { Parent: IExpressionStatementOperation };
    }
}
