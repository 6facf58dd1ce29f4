using Verifier = TrioTest.Analyzers.Tests.Verifiers.Verify<TrioTest.Analyzers.Time.RealTimerAnalyzer, TrioTest.Analyzers.CodeFixes.TimeProviderCodeFix>;

namespace TrioTest.Analyzers.Tests.Time;

public class RealTimerAnalyzerTests
{
    [Fact]
    public Task RealTimers_InAsyncTest_Fire() => Verifier.AnalyzerAsync("""
        public class Tests
        {
            [TrioTest.Xunit.AsyncTest]
            public async Task Test(CancellationTokenSource linked)
            {
                await {|TRIO001:Task.Delay(10)|};
                await {|TRIO001:Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None)|};
                await {|TRIO001:Task.CompletedTask.WaitAsync(TimeSpan.FromSeconds(1))|};
                using var timer = {|TRIO001:new PeriodicTimer(TimeSpan.FromSeconds(1))|};
                using var source = {|TRIO001:new CancellationTokenSource(TimeSpan.FromSeconds(1))|};
                {|TRIO001:linked.CancelAfter(100)|};
                using var real = {|TRIO001:new Timer(_ => { }, null, 10, 10)|};
            }
        }
        """);

    [Fact]
    public Task SystemProvider_InAsyncTest_FiresWithoutFix() => Verifier.NoFixAsync("""
        public class Tests
        {
            [TrioTest.Xunit.AsyncTest]
            public async Task Test()
            {
                await {|TRIO001:Task.Delay(TimeSpan.FromSeconds(1), TimeProvider.System)|};
                using var source = {|TRIO001:new CancellationTokenSource(TimeSpan.FromSeconds(1), TimeProvider.System)|};
            }
        }
        """);

    [Fact]
    public Task ProviderForms_InAsyncTest_DoNotFire() => Verifier.AnalyzerAsync("""
        public class Tests
        {
            [TrioTest.NUnit.AsyncTest]
            public async Task Test()
            {
                await Task.Delay(TimeSpan.FromSeconds(1), Trio.TimeProvider);
                await Task.CompletedTask.WaitAsync(TimeSpan.FromSeconds(1), Trio.TimeProvider);
                using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), Trio.TimeProvider);
                using var source = new CancellationTokenSource(Timeout.InfiniteTimeSpan, Trio.TimeProvider);
                source.CancelAfter(100);
                using var plain = new CancellationTokenSource();
                using var ticking = Trio.TimeProvider.CreateTimer(_ => { }, null, TimeSpan.Zero, TimeSpan.FromSeconds(1));
            }
        }
        """);

    [Fact]
    public Task RealTimer_InHelperOfTestClass_Fires() => Verifier.AnalyzerAsync("""
        public class Tests
        {
            private readonly Task _warmUp = {|TRIO001:Task.Delay(1)|};

            [TrioTest.Xunit.AsyncTheory]
            [Xunit.InlineData(1)]
            public Task Test(int n) => HelperAsync();

            private static Task HelperAsync() => {|TRIO001:Task.Delay(5)|};
        }
        """);

    [Fact]
    public Task RealTimer_OutsideTestClasses_DoesNotFire() => Verifier.AnalyzerAsync("""
        public class Service
        {
            public Task PollAsync() => Task.Delay(1000);
        }

        public class PlainTests
        {
            [Xunit.Fact]
            public Task Test() => Task.Delay(10);
        }
        """);

    [Fact]
    public Task Delay_WithTimeSpan_GetsTrioTimeProvider() => Verifier.FixAsync("""
        public class Tests
        {
            [TrioTest.Xunit.AsyncTest]
            public async Task Test()
            {
                await {|TRIO001:Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None)|};
            }
        }
        """, """
        public class Tests
        {
            [TrioTest.Xunit.AsyncTest]
            public async Task Test()
            {
                await Task.Delay(TimeSpan.FromSeconds(1), Trio.TimeProvider, CancellationToken.None);
            }
        }
        """);

    [Fact]
    public Task Delay_WithMilliseconds_GetsTimeSpanAndProvider() => Verifier.FixAsync("""
        public class Tests
        {
            [TrioTest.Xunit.AsyncTest]
            public async Task Test()
            {
                await {|TRIO001:Task.Delay(250)|};
                using var source = {|TRIO001:new CancellationTokenSource(100)|};
            }
        }
        """, """
        public class Tests
        {
            [TrioTest.Xunit.AsyncTest]
            public async Task Test()
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), Trio.TimeProvider);
                using var source = new CancellationTokenSource(TimeSpan.FromMilliseconds(100), Trio.TimeProvider);
            }
        }
        """);

    [Fact]
    public Task PeriodicTimerAndWaitAsync_GetProvider() => Verifier.FixAsync("""
        public class Tests
        {
            [TrioTest.Xunit.AsyncTest]
            public async Task Test()
            {
                using PeriodicTimer timer = {|TRIO001:new(TimeSpan.FromSeconds(1))|};
                await {|TRIO001:Task.CompletedTask.WaitAsync(TimeSpan.FromSeconds(1))|};
            }
        }
        """, """
        public class Tests
        {
            [TrioTest.Xunit.AsyncTest]
            public async Task Test()
            {
                using PeriodicTimer timer = new(TimeSpan.FromSeconds(1), Trio.TimeProvider);
                await Task.CompletedTask.WaitAsync(TimeSpan.FromSeconds(1), Trio.TimeProvider);
            }
        }
        """);

    [Fact]
    public Task Delay_WithInjectedProvider_OffersItFirst() => Verifier.FixAsync("""
        public class Tests
        {
            private readonly TimeProvider _time = TimeProvider.System;

            [TrioTest.Xunit.AsyncTest]
            public async Task Test()
            {
                await {|TRIO001:Task.Delay(TimeSpan.FromSeconds(1))|};
            }
        }
        """, """
        public class Tests
        {
            private readonly TimeProvider _time = TimeProvider.System;

            [TrioTest.Xunit.AsyncTest]
            public async Task Test()
            {
                await Task.Delay(TimeSpan.FromSeconds(1), _time);
            }
        }
        """, action: 0);

    [Fact]
    public Task TimerAndCancelAfter_GetNoFix() => Verifier.NoFixAsync("""
        public class Tests
        {
            [TrioTest.Xunit.AsyncTest]
            public Task Test(CancellationTokenSource source)
            {
                {|TRIO001:source.CancelAfter(100)|};
                using var real = {|TRIO001:new Timer(_ => { })|};
                return Task.CompletedTask;
            }
        }
        """);
}
