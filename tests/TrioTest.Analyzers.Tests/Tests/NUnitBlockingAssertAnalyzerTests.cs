using Verifier = TrioTest.Analyzers.Tests.Verifiers.Verify<TrioTest.Analyzers.Tests.NUnitBlockingAssertAnalyzer, TrioTest.Analyzers.CodeFixes.NUnitAssertCodeFix>;

namespace TrioTest.Analyzers.Tests.Tests;

public class NUnitBlockingAssertAnalyzerTests
{
    [Fact]
    public Task BlockingAsserts_InAsyncTest_Fire() => Verifier.AnalyzerAsync("""
        using NUnit.Framework;

        public class Tests
        {
            [TrioTest.NUnit.AsyncTest]
            public Task Test()
            {
                var thrown = {|TRIO008:Assert.ThrowsAsync<InvalidOperationException>(async () => await Task.Yield())|};
                {|TRIO008:Assert.CatchAsync(async () => await Task.Yield())|};
                {|TRIO008:Assert.DoesNotThrowAsync(async () => await Task.Yield())|};
                {|TRIO008:Assert.Multiple(async () => await Task.Yield())|};
                return Task.CompletedTask;
            }
        }
        """);

    [Fact]
    public Task AwaitableAsserts_DoNotFire() => Verifier.AnalyzerAsync("""
        using NUnit.Framework;

        public class Tests
        {
            [TrioTest.NUnit.AsyncTest]
            public async Task Test()
            {
                await Assert.ThatAsync(async () => await Task.Yield(), Throws.Nothing);
                await Assert.MultipleAsync(async () => await Task.Yield());
                Assert.Multiple(() => Assert.That(1, Is.EqualTo(1)));
            }
        }

        public class PlainTests
        {
            [Test]
            public void Test() => Assert.ThrowsAsync<InvalidOperationException>(() => throw new InvalidOperationException());
        }
        """);

    [Fact]
    public Task BlockingAsserts_BecomeAwaited() => Verifier.FixAsync("""
        using NUnit.Framework;

        public class Tests
        {
            [TrioTest.NUnit.AsyncTest]
            public async Task Test()
            {
                {|TRIO008:Assert.ThrowsAsync<InvalidOperationException>(async () => await Task.Yield())|};
                {|TRIO008:Assert.ThrowsAsync(typeof(InvalidOperationException), async () => await Task.Yield())|};
                {|TRIO008:Assert.CatchAsync<ArgumentException>(async () => await Task.Yield())|};
                {|TRIO008:Assert.CatchAsync(async () => await Task.Yield())|};
                {|TRIO008:Assert.DoesNotThrowAsync(async () => await Task.Yield())|};
                {|TRIO008:Assert.Multiple(async () => await Task.Yield())|};
            }
        }
        """, """
        using NUnit.Framework;

        public class Tests
        {
            [TrioTest.NUnit.AsyncTest]
            public async Task Test()
            {
                await Assert.ThatAsync(async () => await Task.Yield(), Throws.TypeOf<InvalidOperationException>());
                await Assert.ThatAsync(async () => await Task.Yield(), Throws.TypeOf(typeof(InvalidOperationException)));
                await Assert.ThatAsync(async () => await Task.Yield(), Throws.InstanceOf<ArgumentException>());
                await Assert.ThatAsync(async () => await Task.Yield(), Throws.Exception);
                await Assert.ThatAsync(async () => await Task.Yield(), Throws.Nothing);
                await Assert.MultipleAsync(async () => await Task.Yield());
            }
        }
        """);

    [Fact]
    public Task UsedResult_GetsNoFix() => Verifier.NoFixAsync("""
        using NUnit.Framework;

        public class Tests
        {
            [TrioTest.NUnit.AsyncTest]
            public async Task Test()
            {
                var thrown = {|TRIO008:Assert.ThrowsAsync<InvalidOperationException>(async () => await Task.Yield())|};
                await Task.Yield();
            }
        }
        """);
}
