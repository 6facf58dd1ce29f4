using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TrioTest.Analyzers.Scope;

namespace TrioTest.Analyzers.Threads;

/// <summary>
/// TRIO003: <c>Task.Run</c>, <c>TaskFactory.StartNew</c> and <c>ThreadPool.QueueUserWorkItem</c> (and its unsafe forms)
/// in code on the loop.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ThreadPoolAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ThreadPoolWork);

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
            INamedTypeSymbol? taskFactory = compilation.GetTypeByMetadataName("System.Threading.Tasks.TaskFactory");
            INamedTypeSymbol? taskFactoryOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.TaskFactory`1");
            INamedTypeSymbol? threadPool = compilation.GetTypeByMetadataName("System.Threading.ThreadPool");
            bool hasToThread = compilation.GetTypeByMetadataName("TrioTest.Trio") is not null;

            start.RegisterOperationAction(context =>
            {
                var invocation = (IInvocationOperation)context.Operation;
                IMethodSymbol method = invocation.TargetMethod;
                string? api = method.Name switch
                {
                    "Run" when method.IsStatic && method.ContainingType.Is(task) => "Task.Run",
                    "StartNew" when method.ContainingType.Is(taskFactory) || method.ContainingType.Is(taskFactoryOfT) => "TaskFactory.StartNew",
                    "QueueUserWorkItem" or "UnsafeQueueUserWorkItem" when method.ContainingType.Is(threadPool) => "ThreadPool." + method.Name,
                    _ => null,
                };
                if (api is null || !scope.IsOnLoop(context.ContainingSymbol, context.Options, invocation.Syntax.SyntaxTree))
                {
                    return;
                }

                ImmutableDictionary<string, string?> properties = hasToThread && api == "Task.Run" && IsSynchronousWork(method, compilation)
                    ? ImmutableDictionary<string, string?>.Empty.Add(FixHints.Fix, FixHints.ToThread)
                    : ImmutableDictionary<string, string?>.Empty;
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.ThreadPoolWork, invocation.Syntax.GetLocation(), properties, api));
            }, OperationKind.Invocation);
        });
    }

    /// <summary>
    /// Whether a <c>Task.Run</c> overload takes synchronous work alone (<c>Run(Action)</c>, <c>Run&lt;T&gt;(Func&lt;T&gt;)</c>
    /// with a result that is not a task): the forms <c>Trio.ToThreadAsync</c> takes with the same meaning.
    /// </summary>
    private static bool IsSynchronousWork(IMethodSymbol method, Compilation compilation)
    {
        if (method.Parameters.Length != 1 || method.Parameters[0].Type is not INamedTypeSymbol delegateType)
        {
            return false;
        }

        IMethodSymbol? invoke = delegateType.DelegateInvokeMethod;
        return invoke is not null && invoke.Parameters.Length == 0 && (invoke.ReturnsVoid || !invoke.ReturnType.IsTaskLike(compilation));
    }
}
