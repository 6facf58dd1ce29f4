using Microsoft.CodeAnalysis.Testing;
using Verifier = TrioTest.Analyzers.Tests.Verifiers.Verify<TrioTest.Analyzers.Tests.TestMethodShapeAnalyzer, TrioTest.Analyzers.CodeFixes.ReturnTaskCodeFix>;

namespace TrioTest.Analyzers.Tests.Tests;

public class TestMethodShapeAnalyzerTests
{
    [Fact]
    public Task AsyncVoid_IsAnErrorWithTheAdaptersMessage() => Verifier.AnalyzerAsync(
        """
        public class Tests
        {
            [TrioTest.Xunit.AsyncTest]
            public async void {|#0:Test|}() => await Task.Yield();
        }
        """,
        new DiagnosticResult("TRIO007", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0)
            .WithMessage("[AsyncTest] method Tests.Test is 'async void': its failures would escape the test. Declare it 'async Task'."));

    [Fact]
    public Task SynchronousXunitMethod_SuggestsFact() => Verifier.AnalyzerAsync(
        """
        public class Tests
        {
            [TrioTest.Xunit.AsyncTheory]
            [Xunit.InlineData(1)]
            public int {|#0:Test|}(int n) => n;
        }
        """,
        new DiagnosticResult("TRIO007", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0)
            .WithMessage("[AsyncTheory] method Tests.Test returns Int32, but TrioTest runs async code: declare it 'async Task' (or 'Task'/'ValueTask'), or use [Fact] for synchronous tests."));

    [Fact]
    public Task SynchronousNUnitMethod_SuggestsTest() => Verifier.AnalyzerAsync(
        """
        public class Tests
        {
            [TrioTest.NUnit.AsyncTest]
            public void {|#0:Test|}() { }
        }
        """,
        new DiagnosticResult("TRIO007", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0)
            .WithMessage("[AsyncTest] method Tests.Test returns Void, but TrioTest runs async code: declare it 'async Task' (or 'Task'/'ValueTask'), or use [Test] for synchronous tests."));

    [Fact]
    public Task GenericXunitTest_IsAnError() => Verifier.AnalyzerAsync(
        """
        public class Tests
        {
            [TrioTest.Xunit.AsyncTest]
            public Task {|#0:Test|}<T>() => Task.CompletedTask;
        }
        """,
        new DiagnosticResult("TRIO007", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0)
            .WithMessage("[AsyncTest] method Tests.Test is generic, and nothing says what its type arguments are: make it non-generic (call a generic helper from it), or use [AsyncTheory] with [InlineData] or [MemberData] rows that fix them."));

    [Fact]
    public Task GenericNUnitTestWithoutCases_IsAnError() => Verifier.AnalyzerAsync(
        """
        public class Tests
        {
            [TrioTest.NUnit.AsyncTest]
            public Task {|#0:Test|}<T>() => Task.CompletedTask;

            [TrioTest.NUnit.AsyncTest]
            [NUnit.Framework.TestCase(1)]
            public Task WithCases<T>(T value) => Task.CompletedTask;
        }
        """,
        new DiagnosticResult("TRIO007", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0)
            .WithMessage("[AsyncTest] method Tests.Test is generic, and nothing says what its type arguments are: make it non-generic (call a generic helper from it), or use [TestCase] or [TestCaseSource] rows that fix them."));

    [Fact]
    public Task XunitTestWithParameters_IsAnError() => Verifier.AnalyzerAsync(
        """
        public class Tests
        {
            [TrioTest.Xunit.AsyncTest]
            public Task {|#0:Test|}(int value) => Task.CompletedTask;

            [TrioTest.Xunit.AsyncTheory]
            [Xunit.InlineData(1)]
            public Task Theory<T>(T value) => Task.CompletedTask;
        }
        """,
        new DiagnosticResult("TRIO007", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0)
            .WithMessage("[AsyncTest] method Tests.Test has parameters, but [AsyncTest] passes no arguments: use [AsyncTheory] with [InlineData] or [MemberData] rows, or remove the parameters."));

    [Fact]
    public Task NUnitTestWithParametersAndNoData_IsAnError() => Verifier.AnalyzerAsync(
        """
        public class Tests
        {
            [TrioTest.NUnit.AsyncTest]
            public Task {|#0:Test|}(int value) => Task.CompletedTask;

            [TrioTest.NUnit.AsyncTest]
            [NUnit.Framework.TestCase(1)]
            public Task WithCases(int value) => Task.CompletedTask;

            [TrioTest.NUnit.AsyncTest]
            public Task WithValues([NUnit.Framework.Values(1, 2)] int value) => Task.CompletedTask;

            [TrioTest.NUnit.AsyncTest]
            public Task WithAToken(CancellationToken cancellationToken) => Task.CompletedTask;
        }
        """,
        new DiagnosticResult("TRIO007", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0)
            .WithMessage("[AsyncTest] method Tests.Test has parameters, but [AsyncTest] passes no arguments: use [TestCase] or [TestCaseSource] rows, or remove the parameters."));

    [Fact]
    public Task TaskShapes_DoNotFire() => Verifier.AnalyzerAsync("""
        public class Tests
        {
            [TrioTest.Xunit.AsyncTest]
            public async Task A() => await Task.Yield();

            [TrioTest.Xunit.AsyncTest]
            public Task<int> B() => Task.FromResult(1);

            [TrioTest.NUnit.AsyncTest]
            public ValueTask C() => default;

            [TrioTest.NUnit.AsyncTest(ExpectedResult = 1)]
            public ValueTask<int> D() => new(1);

            [Xunit.Fact]
            public async void PlainXunit() => await Task.Yield();
        }
        """);

    [Fact]
    public Task AsyncVoid_BecomesAsyncTask() => Verifier.FixAsync(
        """
        public class Tests
        {
            [TrioTest.Xunit.AsyncTest]
            public async void {|#0:Test|}() => await Task.Yield();
        }
        """,
        """
        public class Tests
        {
            [TrioTest.Xunit.AsyncTest]
            public async Task Test() => await Task.Yield();
        }
        """,
        expected: new DiagnosticResult("TRIO007", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0));

    [Fact]
    public Task NonTaskReturn_GetsNoFix() => Verifier.FixAsync(
        """
        public class Tests
        {
            [TrioTest.Xunit.AsyncTest]
            public int {|#0:Test|}() => 1;
        }
        """,
        """
        public class Tests
        {
            [TrioTest.Xunit.AsyncTest]
            public int {|#0:Test|}() => 1;
        }
        """,
        expected: new DiagnosticResult("TRIO007", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0));
}
