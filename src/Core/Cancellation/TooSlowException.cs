namespace TrioTest;

/// <summary>Thrown by <see cref="Trio.FailAfterAsync(TimeSpan, Func{Task}, bool)"/> and <see cref="Trio.FailAtAsync(TimeSpan, Func{Task}, bool)"/> when the deadline passed before the body finished.</summary>
public sealed class TooSlowException : Exception
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public TooSlowException()
        : base("The operation did not finish before its deadline.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">The message.</param>
    public TooSlowException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public TooSlowException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the deadline that passed, on the run's clock, when known.</summary>
    public TimeSpan? Deadline { get; init; }
}
