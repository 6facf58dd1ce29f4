using Verifier = TrioTest.Analyzers.Tests.Verifiers.Verify<TrioTest.Analyzers.Threads.ThreadPoolAnalyzer, TrioTest.Analyzers.CodeFixes.ToThreadCodeFix>;

namespace TrioTest.Analyzers.Tests.Threads;

public class ThreadPoolAnalyzerTests
{
    [Fact]
    public Task ThreadPoolWork_InAsyncTest_Fires() => Verifier.AnalyzerAsync("""
        public class Tests
        {
            [TrioTest.Xunit.AsyncTest]
            public async Task Test()
            {
                await {|TRIO003:Task.Run(() => 1)|};
                await {|TRIO003:Task.Run(async () => await Task.Yield())|};
                await {|TRIO003:Task.Factory.StartNew(() => { })|};
                {|TRIO003:ThreadPool.QueueUserWorkItem(_ => { })|};
            }
        }
        """);

    [Fact]
    public Task NurseryAndToThread_InAsyncTest_DoNotFire() => Verifier.AnalyzerAsync("""
        public class Tests
        {
            [TrioTest.Xunit.AsyncTest]
            public async Task Test()
            {
                await Nursery.RunAsync(nursery =>
                {
                    nursery.StartSoon(() => Task.CompletedTask, "worker");
                    return Task.CompletedTask;
                });
                int answer = await Trio.ToThreadAsync(() => 42);
            }
        }
        """);

    [Fact]
    public Task BlockingWork_BecomesToThreadAsync() => Verifier.FixAsync("""
        public class Tests
        {
            [TrioTest.Xunit.AsyncTest]
            public async Task Test()
            {
                int answer = await {|TRIO003:Task.Run(() => Compute())|};
                await {|TRIO003:Task.Run<int>(Compute)|};
                await {|TRIO003:Task.Run(() => Console.WriteLine())|};
            }

            private static int Compute() => 42;
        }
        """, """
        public class Tests
        {
            [TrioTest.Xunit.AsyncTest]
            public async Task Test()
            {
                int answer = await Trio.ToThreadAsync(() => Compute());
                await Trio.ToThreadAsync(Compute);
                await Trio.ToThreadAsync(() => Console.WriteLine());
            }

            private static int Compute() => 42;
        }
        """);

    [Fact]
    public Task AsyncWorkAndQueueUserWorkItem_GetNoFix() => Verifier.NoFixAsync("""
        public class Tests
        {
            [TrioTest.Xunit.AsyncTest]
            public async Task Test()
            {
                await {|TRIO003:Task.Run(async () => await Task.Yield())|};
                await {|TRIO003:Task.Run(() => { }, CancellationToken.None)|};
                {|TRIO003:ThreadPool.QueueUserWorkItem(_ => { })|};
            }
        }
        """);
}
