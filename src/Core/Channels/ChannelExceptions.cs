namespace TrioTest;

/// <summary>Thrown by a receive when every send end of a memory channel is closed and the buffer is empty: the normal end of the stream (Trio's <c>EndOfChannel</c>).</summary>
public sealed class EndOfChannelException : Exception
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public EndOfChannelException()
        : base("Every send end of the channel is closed and its buffer is empty: no more values will come.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">The message.</param>
    public EndOfChannelException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public EndOfChannelException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>Thrown by a send when every receive end of a memory channel is closed: nobody will ever read the value (Trio's <c>BrokenResourceError</c>).</summary>
public sealed class BrokenResourceException : Exception
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public BrokenResourceException()
        : base("Every receive end of the channel is closed: nobody will read this value.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">The message.</param>
    public BrokenResourceException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public BrokenResourceException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
