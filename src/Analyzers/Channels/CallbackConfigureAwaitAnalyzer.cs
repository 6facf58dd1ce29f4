using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace TrioTest.Analyzers.Channels;

/// <summary>
/// TRIO009, second form: <c>await callback(...).ConfigureAwait(false)</c>, where the callback is a delegate the caller
/// handed in (a parameter, or a field or property that stores one). Reported in all code, not only tests: it is the
/// library pattern (Polly's) that takes a caller's loop code off the loop.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CallbackConfigureAwaitAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CallbackConfigureAwait);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(context =>
        {
            var awaited = (IAwaitOperation)context.Operation;
            if (awaited.Operation is not IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Arguments.Length: 1 } configure
                || configure.Arguments[0].Value.ConstantValue is not { HasValue: true, Value: false }
                || configure.Instance is not IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke } callback)
            {
                return;
            }

            string? name = callback.Instance switch
            {
                IParameterReferenceOperation parameter => parameter.Parameter.Name,
                IFieldReferenceOperation field => field.Field.Name,
                IPropertyReferenceOperation property => property.Property.Name,
                _ => null,
            };
            if (name is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.CallbackConfigureAwait,
                    configure.Syntax.GetLocation(),
                    ImmutableDictionary<string, string?>.Empty.Add(FixHints.Fix, FixHints.RemoveConfigureAwait),
                    name));
            }
        }, OperationKind.Await);
    }
}
