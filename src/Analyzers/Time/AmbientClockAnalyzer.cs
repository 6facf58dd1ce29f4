using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TrioTest.Analyzers.Scope;

namespace TrioTest.Analyzers.Time;

/// <summary>
/// TRIO002: <c>DateTime.Now/UtcNow/Today</c>, <c>DateTimeOffset.Now/UtcNow</c>, <c>Environment.TickCount/TickCount64</c>
/// and <c>Stopwatch</c> (created, started, or its static clock read) in code on the loop.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AmbientClockAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.AmbientClock);

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
            INamedTypeSymbol? dateTime = compilation.GetSpecialType(SpecialType.System_DateTime);
            INamedTypeSymbol? dateTimeOffset = compilation.GetTypeByMetadataName("System.DateTimeOffset");
            INamedTypeSymbol? environment = compilation.GetTypeByMetadataName("System.Environment");
            INamedTypeSymbol? stopwatch = compilation.GetTypeByMetadataName("System.Diagnostics.Stopwatch");

            start.RegisterOperationAction(context =>
            {
                var reference = (IPropertyReferenceOperation)context.Operation;
                IPropertySymbol property = reference.Property;
                if (!property.IsStatic)
                {
                    return;
                }

                (string? api, string? fix) = property.Name switch
                {
                    "UtcNow" when property.ContainingType.Is(dateTime) => ("DateTime.UtcNow", FixHints.DateTimeUtcNow),
                    "Now" when property.ContainingType.Is(dateTime) => ("DateTime.Now", FixHints.DateTimeNow),
                    "Today" when property.ContainingType.Is(dateTime) => ("DateTime.Today", FixHints.DateTimeToday),
                    "UtcNow" when property.ContainingType.Is(dateTimeOffset) => ("DateTimeOffset.UtcNow", FixHints.DateTimeOffsetUtcNow),
                    "Now" when property.ContainingType.Is(dateTimeOffset) => ("DateTimeOffset.Now", FixHints.DateTimeOffsetNow),
                    "TickCount" or "TickCount64" when property.ContainingType.Is(environment) => ("Environment." + property.Name, null),
                    _ => ((string?)null, (string?)null),
                };
                Report(context, scope, reference.Syntax, api, fix);
            }, OperationKind.PropertyReference);

            if (stopwatch is null)
            {
                return;
            }

            start.RegisterOperationAction(context =>
            {
                var invocation = (IInvocationOperation)context.Operation;
                IMethodSymbol method = invocation.TargetMethod;
                if (method.IsStatic && method.ContainingType.Is(stopwatch))
                {
                    string? fix = method.Name is "GetTimestamp" or "GetElapsedTime" ? FixHints.StopwatchStatic : null;
                    Report(context, scope, invocation.Syntax, "Stopwatch." + method.Name, fix);
                }
            }, OperationKind.Invocation);

            start.RegisterOperationAction(context =>
            {
                var creation = (IObjectCreationOperation)context.Operation;
                if (creation.Type.Is(stopwatch))
                {
                    Report(context, scope, creation.Syntax, "new Stopwatch()", null);
                }
            }, OperationKind.ObjectCreation);
        });
    }

    /// <summary>Reports <paramref name="api"/> at <paramref name="syntax"/> when it is set and the code is on the loop.</summary>
    private static void Report(OperationAnalysisContext context, TestScope scope, SyntaxNode syntax, string? api, string? fix)
    {
        if (api is null || !scope.IsOnLoop(context.ContainingSymbol, context.Options, syntax.SyntaxTree))
        {
            return;
        }

        ImmutableDictionary<string, string?> properties = fix is null
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(FixHints.Fix, fix);
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.AmbientClock, syntax.GetLocation(), properties, api));
    }
}
