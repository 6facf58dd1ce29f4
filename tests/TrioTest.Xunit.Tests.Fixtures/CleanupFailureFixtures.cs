using TrioTest.Testing;
using Xunit;

namespace TrioTest.Xunit.Tests.Fixtures;

/// <summary>A test whose body and whose cleanup both fail: both must reach the report, as plain xunit reports both.</summary>
public sealed class CleanupFailureFixtures : IDisposable
{
    [AsyncTest]
    public async Task Body_fails_and_so_does_dispose()
    {
        await Trio.CheckpointAsync();
        throw new InvalidOperationException("the body fails");
    }

    public void Dispose() => throw new FormatException("Dispose fails too");
}
