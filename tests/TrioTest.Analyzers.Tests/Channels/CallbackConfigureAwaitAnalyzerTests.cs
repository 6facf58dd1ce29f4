using Verifier = TrioTest.Analyzers.Tests.Verifiers.Verify<TrioTest.Analyzers.Channels.CallbackConfigureAwaitAnalyzer, TrioTest.Analyzers.CodeFixes.RemoveConfigureAwaitCodeFix>;

namespace TrioTest.Analyzers.Tests.Channels;

public class CallbackConfigureAwaitAnalyzerTests
{
    [Fact]
    public Task ConfigureAwaitFalse_OnCallersCallback_FiresInLibraryCode() => Verifier.AnalyzerAsync("""
        public class Retry
        {
            private readonly Func<Task> _onRetry = () => Task.CompletedTask;

            public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> callback, CancellationToken token)
            {
                await {|TRIO009:_onRetry().ConfigureAwait(false)|};
                return await {|TRIO009:callback(token).ConfigureAwait(false)|};
            }
        }
        """);

    [Fact]
    public Task ConfigureAwait_OnOwnWorkOrTrue_DoesNotFire() => Verifier.AnalyzerAsync("""
        public class Retry
        {
            public async Task ExecuteAsync(Func<Task> callback)
            {
                await Task.Yield();
                await OwnAsync().ConfigureAwait(false);
                await callback().ConfigureAwait(true);
                await callback();
            }

            private static Task OwnAsync() => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task ConfigureAwaitFalse_OnCallback_IsRemoved() => Verifier.FixAsync("""
        public class Retry
        {
            public async Task ExecuteAsync(Func<Task> callback)
            {
                await {|TRIO009:callback().ConfigureAwait(false)|};
            }
        }
        """, """
        public class Retry
        {
            public async Task ExecuteAsync(Func<Task> callback)
            {
                await callback();
            }
        }
        """);
}
