using Verifier = TrioTest.Analyzers.Tests.Verifiers.Verify<TrioTest.Analyzers.Channels.ReadAllAsyncAnalyzer, TrioTest.Analyzers.CodeFixes.WaitToReadLoopCodeFix>;

namespace TrioTest.Analyzers.Tests.Channels;

public class ReadAllAsyncAnalyzerTests
{
    [Fact]
    public Task ReadAllAsync_InAsyncTest_Fires() => Verifier.AnalyzerAsync("""
        public class Tests
        {
            [TrioTest.Xunit.AsyncTest]
            public async Task Test(ChannelReader<int> reader)
            {
                await foreach (int item in {|TRIO009:reader.ReadAllAsync()|})
                {
                }
            }
        }
        """);

    [Fact]
    public Task WaitToReadLoop_InAsyncTest_DoesNotFire() => Verifier.AnalyzerAsync("""
        public class Tests
        {
            [TrioTest.Xunit.AsyncTest]
            public async Task Test(ChannelReader<int> reader)
            {
                while (await reader.WaitToReadAsync())
                {
                    while (reader.TryRead(out int item))
                    {
                    }
                }
            }
        }

        public class Library
        {
            public async Task DrainAsync(ChannelReader<int> reader)
            {
                await foreach (int item in reader.ReadAllAsync())
                {
                }
            }
        }
        """);

    [Fact]
    public Task AwaitForeach_BecomesWaitToReadLoop() => Verifier.FixAsync("""
        public class Tests
        {
            [TrioTest.Xunit.AsyncTest]
            public async Task Test(ChannelReader<int> reader, CancellationToken token)
            {
                int sum = 0;
                await foreach (var item in {|TRIO009:reader.ReadAllAsync(token)|})
                {
                    if (item < 0)
                    {
                        continue;
                    }

                    sum += item;
                }
            }
        }
        """, """
        public class Tests
        {
            [TrioTest.Xunit.AsyncTest]
            public async Task Test(ChannelReader<int> reader, CancellationToken token)
            {
                int sum = 0;
                while (await reader.WaitToReadAsync(token))
                {
                    while (reader.TryRead(out var item))
                    {
                        if (item < 0)
                        {
                            continue;
                        }

                        sum += item;
                    }
                }
            }
        }
        """);

    [Fact]
    public Task LoopWithBreak_GetsNoFix() => Verifier.NoFixAsync("""
        public class Tests
        {
            [TrioTest.Xunit.AsyncTest]
            public async Task Test(ChannelReader<int> reader)
            {
                await foreach (int item in {|TRIO009:reader.ReadAllAsync()|})
                {
                    if (item == 0)
                    {
                        break;
                    }
                }
            }
        }
        """);
}
