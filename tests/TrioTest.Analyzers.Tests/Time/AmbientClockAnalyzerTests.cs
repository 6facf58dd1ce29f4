using Verifier = TrioTest.Analyzers.Tests.Verifiers.Verify<TrioTest.Analyzers.Time.AmbientClockAnalyzer, TrioTest.Analyzers.CodeFixes.TimeProviderCodeFix>;

namespace TrioTest.Analyzers.Tests.Time;

public class AmbientClockAnalyzerTests
{
    [Fact]
    public Task AmbientClocks_InAsyncTest_Fire() => Verifier.AnalyzerAsync("""
        public class Tests
        {
            [TrioTest.Xunit.AsyncTest]
            public Task Test()
            {
                DateTime a = {|TRIO002:DateTime.Now|};
                DateTime b = {|TRIO002:DateTime.UtcNow|};
                DateTime c = {|TRIO002:DateTime.Today|};
                DateTimeOffset d = {|TRIO002:DateTimeOffset.Now|};
                DateTimeOffset e = {|TRIO002:DateTimeOffset.UtcNow|};
                long f = {|TRIO002:Stopwatch.GetTimestamp()|};
                var g = {|TRIO002:Stopwatch.StartNew()|};
                var h = {|TRIO002:new Stopwatch()|};
                int i = {|TRIO002:Environment.TickCount|};
                return Task.CompletedTask;
            }
        }
        """);

    [Fact]
    public Task VirtualClocks_InAsyncTest_DoNotFire() => Verifier.AnalyzerAsync("""
        public class Tests
        {
            [TrioTest.NUnit.AsyncTest]
            public Task Test()
            {
                TimeSpan now = Trio.CurrentTime;
                DateTimeOffset utc = Trio.TimeProvider.GetUtcNow();
                long stamp = Trio.TimeProvider.GetTimestamp();
                TimeSpan elapsed = Trio.TimeProvider.GetElapsedTime(stamp);
                DateTime fixedDate = new DateTime(2026, 1, 1);
                return Task.CompletedTask;
            }
        }
        """);

    [Fact]
    public Task AmbientClock_OutsideTestClasses_DoesNotFire() => Verifier.AnalyzerAsync("""
        public class Clocked
        {
            public DateTime Now => DateTime.UtcNow;
        }
        """);

    [Fact]
    public Task DateTimes_BecomeTrioTimeProvider() => Verifier.FixAsync("""
        public class Tests
        {
            [TrioTest.Xunit.AsyncTest]
            public Task Test()
            {
                DateTime a = {|TRIO002:DateTime.UtcNow|};
                DateTime b = {|TRIO002:DateTime.Now|};
                DateTime c = {|TRIO002:DateTime.Today|};
                DateTimeOffset d = {|TRIO002:DateTimeOffset.UtcNow|};
                DateTimeOffset e = {|TRIO002:DateTimeOffset.Now|};
                return Task.CompletedTask;
            }
        }
        """, """
        public class Tests
        {
            [TrioTest.Xunit.AsyncTest]
            public Task Test()
            {
                DateTime a = Trio.TimeProvider.GetUtcNow().UtcDateTime;
                DateTime b = Trio.TimeProvider.GetLocalNow().DateTime;
                DateTime c = Trio.TimeProvider.GetLocalNow().Date;
                DateTimeOffset d = Trio.TimeProvider.GetUtcNow();
                DateTimeOffset e = Trio.TimeProvider.GetLocalNow();
                return Task.CompletedTask;
            }
        }
        """);

    [Fact]
    public Task StopwatchStatics_BecomeProviderMethods() => Verifier.FixAsync("""
        public class Tests
        {
            [TrioTest.Xunit.AsyncTest]
            public Task Test()
            {
                long start = {|TRIO002:Stopwatch.GetTimestamp()|};
                TimeSpan elapsed = {|TRIO002:Stopwatch.GetElapsedTime(start)|};
                return Task.CompletedTask;
            }
        }
        """, """
        public class Tests
        {
            [TrioTest.Xunit.AsyncTest]
            public Task Test()
            {
                long start = Trio.TimeProvider.GetTimestamp();
                TimeSpan elapsed = Trio.TimeProvider.GetElapsedTime(start);
                return Task.CompletedTask;
            }
        }
        """);

    [Fact]
    public Task UtcNow_InWidenedScopeWithInjectedProvider_UsesIt() => Verifier.FixAsync("""
        public class Tests
        {
            [TrioTest.Xunit.AsyncTest]
            public Task Test() => Task.CompletedTask;

            private static DateTimeOffset Stamp(TimeProvider clock) => {|TRIO002:DateTimeOffset.UtcNow|};
        }
        """, """
        public class Tests
        {
            [TrioTest.Xunit.AsyncTest]
            public Task Test() => Task.CompletedTask;

            private static DateTimeOffset Stamp(TimeProvider clock) => clock.GetUtcNow();
        }
        """, action: 0);

    [Fact]
    public Task StopwatchInstances_GetNoFix() => Verifier.NoFixAsync("""
        public class Tests
        {
            [TrioTest.Xunit.AsyncTest]
            public Task Test()
            {
                var watch = {|TRIO002:Stopwatch.StartNew()|};
                return Task.CompletedTask;
            }
        }
        """);
}
