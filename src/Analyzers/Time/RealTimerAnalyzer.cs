using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TrioTest.Analyzers.Scope;

namespace TrioTest.Analyzers.Time;

/// <summary>
/// TRIO001: <c>Task.Delay</c>, <c>Task.WaitAsync(TimeSpan)</c>, <c>new PeriodicTimer(TimeSpan)</c>,
/// <c>new CancellationTokenSource(TimeSpan)</c>, <c>CancelAfter</c> and <c>new Timer(...)</c> without a
/// <c>TimeProvider</c>, or with <c>TimeProvider.System</c>, in code on the loop.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RealTimerAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.RealTimer);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            TestScope scope = TestScope.Get(start.Compilation);
            INamedTypeSymbol? timeProvider = start.Compilation.GetTypeByMetadataName("System.TimeProvider");
            if (timeProvider is null || !scope.MayApply(start.Options, start.Compilation))
            {
                return;
            }

            Compilation compilation = start.Compilation;
            INamedTypeSymbol? task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
            INamedTypeSymbol? taskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
            INamedTypeSymbol? timeSpan = compilation.GetTypeByMetadataName("System.TimeSpan");
            INamedTypeSymbol? periodicTimer = compilation.GetTypeByMetadataName("System.Threading.PeriodicTimer");
            INamedTypeSymbol? source = compilation.GetTypeByMetadataName("System.Threading.CancellationTokenSource");
            INamedTypeSymbol? timer = compilation.GetTypeByMetadataName("System.Threading.Timer");

            start.RegisterOperationAction(context =>
            {
                var invocation = (IInvocationOperation)context.Operation;
                IMethodSymbol method = invocation.TargetMethod;
                if (PassesSystemProvider(invocation.Arguments, timeProvider))
                {
                    ReportSystemProvider(context, scope, invocation.Syntax);
                    return;
                }

                string? api = method.Name switch
                {
                    "Delay" when method.IsStatic && method.ContainingType.Is(task) && !method.HasParameterOf(timeProvider) => "Task.Delay",
                    "WaitAsync" when !method.IsStatic && (method.ContainingType.Is(task) || method.ContainingType.Is(taskOfT))
                        && method.HasParameterOf(timeSpan) && !method.HasParameterOf(timeProvider) => "WaitAsync(TimeSpan)",
                    "CancelAfter" when method.ContainingType.Is(source) && !IsCreatedWithProvider(invocation.Instance, timeProvider) => "CancelAfter",
                    _ => null,
                };
                if (api is not null && scope.IsOnLoop(context.ContainingSymbol, context.Options, invocation.Syntax.SyntaxTree))
                {
                    string? fix = api == "CancelAfter" ? null : FirstArgumentFix(method);
                    context.ReportDiagnostic(Create(invocation.Syntax.GetLocation(), api, fix));
                }
            }, OperationKind.Invocation);

            start.RegisterOperationAction(context =>
            {
                var creation = (IObjectCreationOperation)context.Operation;
                IMethodSymbol? constructor = creation.Constructor;
                if (PassesSystemProvider(creation.Arguments, timeProvider))
                {
                    ReportSystemProvider(context, scope, creation.Syntax);
                    return;
                }

                if (constructor is null || constructor.HasParameterOf(timeProvider))
                {
                    return;
                }

                INamedTypeSymbol type = constructor.ContainingType;
                string? api = type.Is(timer) ? "new Timer"
                    : type.Is(periodicTimer) ? "new PeriodicTimer"
                    : type.Is(source) && constructor.Parameters.Length == 1 ? "new CancellationTokenSource(delay)"
                    : null;
                if (api is not null && scope.IsOnLoop(context.ContainingSymbol, context.Options, creation.Syntax.SyntaxTree))
                {
                    string? fix = type.Is(timer) ? null : FirstArgumentFix(constructor);
                    context.ReportDiagnostic(Create(creation.Syntax.GetLocation(), api, fix));
                }
            }, OperationKind.ObjectCreation);
        });
    }

    /// <summary>The fix that adds a provider after the first argument, by that argument's type: a <c>TimeSpan</c> or milliseconds.</summary>
    private static string? FirstArgumentFix(IMethodSymbol method) =>
        method.Parameters.Length == 0 ? null
        : method.Parameters[0].Type.SpecialType == SpecialType.System_Int32 ? FixHints.AddProviderFromMilliseconds
        : method.Parameters[0].Type.Name == "TimeSpan" ? FixHints.AddProvider
        : null;

    /// <summary>
    /// Whether <paramref name="instance"/> is a local or field whose declaration creates the source with a
    /// <c>TimeProvider</c>: its <c>CancelAfter</c> then uses that provider's timers.
    /// </summary>
    private static bool IsCreatedWithProvider(IOperation? instance, INamedTypeSymbol timeProvider)
    {
        ISymbol? symbol = instance switch
        {
            ILocalReferenceOperation local => local.Local,
            IFieldReferenceOperation field => field.Field,
            _ => null,
        };
        if (symbol is null || instance?.SemanticModel is not { } model)
        {
            return false;
        }

        foreach (SyntaxReference reference in symbol.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree != model.SyntaxTree)
            {
                continue;
            }

            foreach (SyntaxNode node in reference.GetSyntax().DescendantNodes())
            {
                if (model.GetOperation(node) is IObjectCreationOperation { Constructor: { } constructor } && constructor.HasParameterOf(timeProvider))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether one of the arguments is <c>TimeProvider.System</c>: the machine's timers under another name.</summary>
    private static bool PassesSystemProvider(ImmutableArray<IArgumentOperation> arguments, INamedTypeSymbol timeProvider)
    {
        foreach (IArgumentOperation argument in arguments)
        {
            IOperation value = argument.Value;
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            if (value is IPropertyReferenceOperation { Property: { Name: "System", IsStatic: true } property } && property.ContainingType.Is(timeProvider))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reports a timed call that passes <c>TimeProvider.System</c>, when it is on the loop; no fix, the right provider is the caller's to choose.</summary>
    private static void ReportSystemProvider(OperationAnalysisContext context, TestScope scope, SyntaxNode syntax)
    {
        if (scope.IsOnLoop(context.ContainingSymbol, context.Options, syntax.SyntaxTree))
        {
            context.ReportDiagnostic(Create(syntax.GetLocation(), "TimeProvider.System", null));
        }
    }

    /// <summary>Creates the diagnostic, with the fix hint when there is one.</summary>
    private static Diagnostic Create(Location location, string api, string? fix) =>
        Diagnostic.Create(
            Descriptors.RealTimer,
            location,
            fix is null ? ImmutableDictionary<string, string?>.Empty : ImmutableDictionary<string, string?>.Empty.Add(FixHints.Fix, fix),
            api);
}
