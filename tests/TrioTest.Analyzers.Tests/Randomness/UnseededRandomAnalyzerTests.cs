using Verifier = TrioTest.Analyzers.Tests.Verifiers.Verify<TrioTest.Analyzers.Randomness.UnseededRandomAnalyzer, TrioTest.Analyzers.CodeFixes.SeedRandomCodeFix>;

namespace TrioTest.Analyzers.Tests.Randomness;

public class UnseededRandomAnalyzerTests
{
    [Fact]
    public Task UnseededRandom_InAsyncTest_Fires() => Verifier.AnalyzerAsync("""
        public class Tests
        {
            private readonly Random _random = {|TRIO006:new Random()|};

            [TrioTest.Xunit.AsyncTest]
            public Task Test()
            {
                int a = {|TRIO006:Random.Shared|}.Next();
                Random b = {|TRIO006:new()|};
                return Task.CompletedTask;
            }
        }
        """);

    [Fact]
    public Task SeededRandom_InAsyncTest_DoesNotFire() => Verifier.AnalyzerAsync("""
        public class Tests
        {
            [TrioTest.Xunit.AsyncTest]
            public Task Test()
            {
                var a = new Random(42);
                var b = new Random(TrioTest.Testing.TrioTestContext.Current.Seed.GetHashCode());
                return Task.CompletedTask;
            }
        }

        public class Production
        {
            public int Roll() => Random.Shared.Next(6);
        }
        """);

    [Fact]
    public Task NewRandom_InTestMethod_IsSeededFromTheSchedule() => Verifier.FixAsync("""
        public class Tests
        {
            [TrioTest.Xunit.AsyncTest]
            public Task Test()
            {
                var random = {|TRIO006:new Random()|};
                return Task.CompletedTask;
            }
        }
        """, """
        public class Tests
        {
            [TrioTest.Xunit.AsyncTest]
            public Task Test()
            {
                var random = new Random(TrioTest.Testing.TrioTestContext.Current.Seed.GetHashCode());
                return Task.CompletedTask;
            }
        }
        """);

    [Fact]
    public Task RandomInFieldOrShared_GetsNoFix() => Verifier.NoFixAsync("""
        public class Tests
        {
            private readonly Random _random = {|TRIO006:new Random()|};

            [TrioTest.Xunit.AsyncTest]
            public Task Test() => Task.FromResult({|TRIO006:Random.Shared|}.Next());
        }
        """);
}
