using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using TrioTest.Analyzers.Time;

namespace TrioTest.Analyzers.Tests.Scope;

/// <summary>What "on the loop" covers: the test class, its nested types and derived test classes; the option widens it to all code.</summary>
public class TestScopeTests
{
    [Fact]
    public Task NestedTypesAndDerivedClasses_AreInScope() => Verify.AnalyzerAsync("""
        public abstract class TestBase
        {
            [TrioTest.Xunit.AsyncTest]
            public Task Inherited() => Task.CompletedTask;
        }

        public class Derived : TestBase
        {
            private DateTime Stamp() => {|TRIO002:DateTime.UtcNow|};

            private sealed class Fake
            {
                public DateTime Now => {|TRIO002:DateTime.UtcNow|};
            }
        }

        public class Unrelated
        {
            public DateTime Now => DateTime.UtcNow;
        }
        """);

    [Fact]
    public async Task ScopeOption_All_CoversProductionCode()
    {
        var test = new CSharpAnalyzerTest<AmbientClockAnalyzer, DefaultVerifier>
        {
            TestCode = Verifiers.Verify<AmbientClockAnalyzer, CodeFixes.TimeProviderCodeFix>.Usings + """
                public class Service
                {
                    public DateTime Now => {|TRIO002:DateTime.UtcNow|};
                }
                """,
            ReferenceAssemblies = Verifiers.TestReferences.None,
        };
        test.TestState.AdditionalReferences.AddRange(Verifiers.TestReferences.All);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ntriotest_analyzers_scope = all\n"));

        await test.RunAsync();
    }

    /// <summary>Shorthand for the clock rule's verifier.</summary>
    private static class Verify
    {
        public static Task AnalyzerAsync(string source) => Verifiers.Verify<AmbientClockAnalyzer, CodeFixes.TimeProviderCodeFix>.AnalyzerAsync(source);
    }
}
