using System.Threading.Channels;
using NUnit.Framework;
using TrioTest;

namespace TrioTest.Analyzers.Seeded;

/// <summary>One occurrence of each rule, in the order of docs/analyzers.md. Every line here is wrong on purpose.</summary>
public sealed class SeededXunitTests
{
    [TrioTest.Xunit.AsyncTest]
    public async Task Each_rule_once(CancellationTokenSource source, Task<int> work, ChannelReader<int> reader)
    {
        await Task.Delay(10);                                           // TRIO001
        DateTime now = DateTime.UtcNow;                                 // TRIO002
        await Task.Run(() => now.Ticks);                                // TRIO003
        await source.CancelAsync();                                     // TRIO004
        int result = work.Result;                                       // TRIO005
        int roll = new Random().Next() + result;                        // TRIO006
        await foreach (int item in reader.ReadAllAsync())               // TRIO009 (ReadAllAsync)
        {
            roll += item;
        }
    }

    [TrioTest.Xunit.AsyncTest]
    public async void Async_void() => await Task.Yield();               // TRIO007
}

public sealed class SeededNUnitTests
{
    [TrioTest.NUnit.AsyncTest]
    public Task Blocking_assertion()
    {
        Assert.ThrowsAsync<InvalidOperationException>(() => Task.CompletedTask);   // TRIO008
        return Task.CompletedTask;
    }
}

public static class SeededLibrary
{
    public static async Task RunAsync(Func<Task> callback) => await callback().ConfigureAwait(false);   // TRIO009 (callback)
}
