namespace TrioTest.Testing;

/// <summary>The <c>.Should()</c> entry point of <see cref="CheckpointTraceAssertions"/>.</summary>
public static class CheckpointTraceAssertionExtensions
{
    /// <summary>Starts FluentAssertions assertions on <paramref name="trace"/>.</summary>
    /// <param name="trace">The trace.</param>
    /// <returns>The assertions.</returns>
    public static CheckpointTraceAssertions Should(this CheckpointTrace trace) => new(trace);
}
