namespace TrioTest.Testing;

/// <summary>
/// Thrown by <see cref="Checkpoints"/> when a block did not pass the checkpoints it was asserted to pass, or passed one
/// it was asserted not to (Trio raises <c>AssertionError</c>).
/// </summary>
public sealed class CheckpointAssertionException : Exception
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public CheckpointAssertionException()
        : base("A checkpoint assertion failed.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">The message.</param>
    public CheckpointAssertionException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public CheckpointAssertionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
