using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TrioTest.Analyzers.Scope;

namespace TrioTest.Analyzers.Randomness;

/// <summary>TRIO006: <c>new Random()</c> and <c>Random.Shared</c> in code on the loop.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnseededRandomAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UnseededRandom);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            TestScope scope = TestScope.Get(start.Compilation);
            INamedTypeSymbol? random = start.Compilation.GetTypeByMetadataName("System.Random");
            if (random is null || !scope.MayApply(start.Options, start.Compilation))
            {
                return;
            }

            // The fix seeds from the schedule's seed, which only the harness (TrioTest.Testing) knows.
            bool hasContext = start.Compilation.GetTypeByMetadataName("TrioTest.Testing.TrioTestContext") is not null;

            start.RegisterOperationAction(context =>
            {
                var creation = (IObjectCreationOperation)context.Operation;
                if (creation.Type.Is(random) && creation.Arguments.Length == 0
                    && scope.IsOnLoop(context.ContainingSymbol, context.Options, creation.Syntax.SyntaxTree))
                {
                    // Only inside methods: a field initializer or constructor may run before the schedule's context exists (NUnit's fixtures).
                    bool inMethod = context.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.LocalFunction or MethodKind.AnonymousFunction };
                    ImmutableDictionary<string, string?> properties = hasContext && inMethod
                        ? ImmutableDictionary<string, string?>.Empty.Add(FixHints.Fix, FixHints.SeedFromSchedule)
                        : ImmutableDictionary<string, string?>.Empty;
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnseededRandom, creation.Syntax.GetLocation(), properties, "new Random()"));
                }
            }, OperationKind.ObjectCreation);

            start.RegisterOperationAction(context =>
            {
                var reference = (IPropertyReferenceOperation)context.Operation;
                if (reference.Property is { Name: "Shared", IsStatic: true } property && property.ContainingType.Is(random)
                    && scope.IsOnLoop(context.ContainingSymbol, context.Options, reference.Syntax.SyntaxTree))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnseededRandom, reference.Syntax.GetLocation(), "Random.Shared"));
                }
            }, OperationKind.PropertyReference);
        });
    }
}
