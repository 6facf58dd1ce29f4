using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TrioTest.Analyzers.Scope;

namespace TrioTest.Analyzers.Channels;

/// <summary>TRIO009, first form: <c>ChannelReader&lt;T&gt;.ReadAllAsync</c> in code on the loop.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ReadAllAsyncAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ReadAllAsync);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            TestScope scope = TestScope.Get(start.Compilation);
            INamedTypeSymbol? reader = start.Compilation.GetTypeByMetadataName("System.Threading.Channels.ChannelReader`1");
            if (reader is null || !scope.MayApply(start.Options, start.Compilation))
            {
                return;
            }

            start.RegisterOperationAction(context =>
            {
                var invocation = (IInvocationOperation)context.Operation;
                if (invocation.TargetMethod.Name != "ReadAllAsync" || !invocation.TargetMethod.ContainingType.Is(reader)
                    || !scope.IsOnLoop(context.ContainingSymbol, context.Options, invocation.Syntax.SyntaxTree))
                {
                    return;
                }

                ImmutableDictionary<string, string?> properties = CanRewriteLoop(invocation)
                    ? ImmutableDictionary<string, string?>.Empty.Add(FixHints.Fix, FixHints.WaitToReadLoop)
                    : ImmutableDictionary<string, string?>.Empty;
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.ReadAllAsync, invocation.Syntax.GetLocation(), properties));
            }, OperationKind.Invocation);
        });
    }

    /// <summary>
    /// Whether the call is the collection of an <c>await foreach</c> over one variable, on a reader named without side
    /// effects (evaluated again by the loop), with a body that has no <c>break</c> of its own (it would leave only the
    /// inner loop of the rewrite).
    /// </summary>
    private static bool CanRewriteLoop(IInvocationOperation invocation)
    {
        if (invocation.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call
            || call.Parent is not ForEachStatementSyntax loop || loop.Expression != call || loop.AwaitKeyword.IsKind(SyntaxKind.None)
            || !IsPlainName(access.Expression))
        {
            return false;
        }

        foreach (BreakStatementSyntax @break in loop.Statement.DescendantNodesAndSelf().OfType<BreakStatementSyntax>())
        {
            SyntaxNode? target = @break.Ancestors().FirstOrDefault(static a => a is ForEachStatementSyntax or ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax or SwitchSectionSyntax);
            if (target == loop)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="expression"/> is a name, <c>this.name</c> or <c>a.b.c</c> of names: reading it twice is the same read.</summary>
    private static bool IsPlainName(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax or ThisExpressionSyntax => true,
        MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } member => IsPlainName(member.Expression),
        _ => false,
    };
}
