using Verifier = TrioTest.Analyzers.Tests.Verifiers.Verify<TrioTest.Analyzers.Threads.CancelAsyncAnalyzer, TrioTest.Analyzers.CodeFixes.CancelCodeFix>;

namespace TrioTest.Analyzers.Tests.Threads;

public class CancelAsyncAnalyzerTests
{
    [Fact]
    public Task CancelAsync_InAsyncTest_Fires() => Verifier.AnalyzerAsync("""
        public class Tests
        {
            [TrioTest.NUnit.AsyncTest]
            public async Task Test(CancellationTokenSource source)
            {
                await {|TRIO004:source.CancelAsync()|};
                Task pending = {|TRIO004:source.CancelAsync()|};
                await pending;
            }
        }
        """);

    [Fact]
    public Task Cancel_InAsyncTest_DoesNotFire() => Verifier.AnalyzerAsync("""
        public class Tests
        {
            [TrioTest.NUnit.AsyncTest]
            public Task Test(CancellationTokenSource source)
            {
                source.Cancel();
                return Task.CompletedTask;
            }
        }

        public class Library
        {
            public Task StopAsync(CancellationTokenSource source) => source.CancelAsync();
        }
        """);

    [Fact]
    public Task AwaitedCancelAsync_BecomesCancel() => Verifier.FixAsync("""
        public class Tests
        {
            [TrioTest.Xunit.AsyncTest]
            public async Task Test(CancellationTokenSource source)
            {
                await {|TRIO004:source.CancelAsync()|};
                await {|TRIO004:source.CancelAsync()|}.ConfigureAwait(true);
            }
        }
        """, """
        public class Tests
        {
            [TrioTest.Xunit.AsyncTest]
            public async Task Test(CancellationTokenSource source)
            {
                source.Cancel();
                source.Cancel();
            }
        }
        """);

    [Fact]
    public Task CancelAsyncAsValue_GetsNoFix() => Verifier.NoFixAsync("""
        public class Tests
        {
            [TrioTest.Xunit.AsyncTest]
            public Task Test(CancellationTokenSource source) => {|TRIO004:source.CancelAsync()|};
        }
        """);
}
