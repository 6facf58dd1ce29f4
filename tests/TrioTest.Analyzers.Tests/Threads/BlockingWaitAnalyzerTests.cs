using Verifier = TrioTest.Analyzers.Tests.Verifiers.Verify<TrioTest.Analyzers.Threads.BlockingWaitAnalyzer, TrioTest.Analyzers.CodeFixes.AwaitCodeFix>;

namespace TrioTest.Analyzers.Tests.Threads;

public class BlockingWaitAnalyzerTests
{
    [Fact]
    public Task BlockingWaits_InAsyncTest_Fire() => Verifier.AnalyzerAsync("""
        public class Tests
        {
            [TrioTest.Xunit.AsyncTest]
            public Task Test(Task<int> work, ValueTask<int> value, Task plain)
            {
                int a = {|TRIO005:work.Result|};
                int b = {|TRIO005:value.Result|};
                {|TRIO005:plain.Wait()|};
                {|TRIO005:plain.Wait(100)|};
                int c = {|TRIO005:work.GetAwaiter().GetResult()|};
                int d = {|TRIO005:work.ConfigureAwait(true).GetAwaiter().GetResult()|};
                {|TRIO005:Task.WaitAll(plain)|};
                return Task.CompletedTask;
            }
        }
        """);

    [Fact]
    public Task CompletedTasks_InAsyncTest_DoNotFire() => Verifier.AnalyzerAsync("""
        public class Tests
        {
            [TrioTest.Xunit.AsyncTest]
            public async Task Test(Task<int> first, Task<int> second, Task<int> third, Task<int> fourth)
            {
                await Task.WhenAll(first, second);
                int sum = first.Result + second.Result;
                await third;
                sum += third.Result;
                if (fourth.IsCompletedSuccessfully)
                {
                    sum += fourth.Result;
                }

                sum += await Task.FromResult(1);
                Task<int> winner = await Task.WhenAny(first, fourth);
                sum += winner.Result;
            }
        }
        """);

    [Fact]
    public Task Result_OutsideTestClasses_DoesNotFire() => Verifier.AnalyzerAsync("""
        public class Console
        {
            public static int Main() => Task.FromResult(1).Result;
        }
        """);

    [Fact]
    public Task BlockingWaits_InAsyncFunction_BecomeAwait() => Verifier.FixAsync("""
        public class Tests
        {
            [TrioTest.Xunit.AsyncTest]
            public async Task Test(Task<int> first, Task plain, Task<int> second, Task<int> third)
            {
                int a = {|TRIO005:first.Result|} + 1;
                {|TRIO005:plain.Wait()|};
                int b = {|TRIO005:second.GetAwaiter().GetResult()|};
                string c = {|TRIO005:third.Result|}.ToString();
            }
        }
        """, """
        public class Tests
        {
            [TrioTest.Xunit.AsyncTest]
            public async Task Test(Task<int> first, Task plain, Task<int> second, Task<int> third)
            {
                int a = await first + 1;
                await plain;
                int b = await second;
                string c = (await third).ToString();
            }
        }
        """);

    [Fact]
    public Task BlockingWait_OutsideAsyncFunction_GetsNoFix() => Verifier.NoFixAsync("""
        public class Tests
        {
            [TrioTest.Xunit.AsyncTest]
            public Task Test(Task<int> work)
            {
                int a = {|TRIO005:work.Result|};
                return Task.CompletedTask;
            }
        }
        """);
}
