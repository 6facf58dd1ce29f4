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
    public Task MSTestXunitV3AndTUnitAttributes_GetTheirAdaptersSentences() => Verifier.AnalyzerAsync(
        """
        public class Tests
        {
            [TrioTest.MSTest.AsyncTestMethod]
            public Task {|#0:NoRows|}(int value) => Task.CompletedTask;

            [TrioTest.MSTest.AsyncTestMethod]
            [Microsoft.VisualStudio.TestTools.UnitTesting.DataRow(1)]
            public Task WithRows(int value) => Task.CompletedTask;

            [TrioTest.MSTest.AsyncTestMethod]
            public void {|#1:Synchronous|}() { }

            [TrioTest.Xunit.v3.AsyncTest]
            public Task {|#2:Generic|}<T>() => Task.CompletedTask;

            [TrioTest.Xunit.v3.AsyncTheory]
            public Task Theory<T>(T value) => Task.CompletedTask;

            [TrioTest.TUnit.AsyncTest]
            public int {|#3:Number|}() => 1;
        }

        namespace TrioTest.MSTest { public class AsyncTestMethodAttribute : System.Attribute { } }
        namespace TrioTest.Xunit.v3 { public class AsyncTestAttribute : System.Attribute { } public class AsyncTheoryAttribute : AsyncTestAttribute { } }
        namespace TrioTest.TUnit { public class AsyncTestAttribute : System.Attribute { } }
        namespace Microsoft.VisualStudio.TestTools.UnitTesting { public class DataRowAttribute : System.Attribute { public DataRowAttribute(params object[] values) { } } }
        """,
        new DiagnosticResult("TRIO007", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0)
            .WithMessage("[AsyncTestMethod] method Tests.NoRows has parameters, but [AsyncTestMethod] passes no arguments: use [DataRow] rows or [DynamicData], or remove the parameters."),
        new DiagnosticResult("TRIO007", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(1)
            .WithMessage("[AsyncTestMethod] method Tests.Synchronous returns Void, but TrioTest runs async code: declare it 'async Task' (or 'Task'/'ValueTask'), or use [TestMethod] for synchronous tests."),
        new DiagnosticResult("TRIO007", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(2)
            .WithMessage("[AsyncTest] method Tests.Generic is generic, and nothing says what its type arguments are: make it non-generic (call a generic helper from it), or use [AsyncTheory] with [InlineData], [MemberData] or [ClassData] rows that fix them."),
        new DiagnosticResult("TRIO007", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(3)
            .WithMessage("[AsyncTest] method Tests.Number returns Int32, but TrioTest runs async code: declare it 'async Task' (or 'Task'/'ValueTask'), or use [Test] without [AsyncTest] for synchronous tests."));

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
