namespace TrioTest.Testing;

/// <summary>Thrown by the assertions of <see cref="CheckpointTrace"/> when the trace does not show what the test expected; the message quotes the relevant events.</summary>
public sealed class TraceAssertionException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="TraceAssertionException"/> class.</summary>
    /// <param name="message">What was expected and what the trace shows.</param>
    public TraceAssertionException(string message)
        : base(message)
    {
    }
}
