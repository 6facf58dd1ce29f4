namespace TrioTest;

/// <summary>
/// Thrown when a task uses a resource that another task is already using in a way that allows only one user at a time,
/// such as two tasks reading one stream at once (Trio's <c>BusyResourceError</c>).
/// </summary>
/// <remarks>
/// It derives from <see cref="InvalidOperationException"/>, the .NET type for calls that are invalid in the object's current
/// state, so code that catches that keeps working. It reports a bug in the caller: two tasks raced for the resource,
/// and which one wins depends on the schedule.
/// </remarks>
public sealed class BusyResourceException : InvalidOperationException
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public BusyResourceException()
        : base("Another task is already using this resource, which allows one user at a time.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">The message.</param>
    public BusyResourceException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public BusyResourceException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
