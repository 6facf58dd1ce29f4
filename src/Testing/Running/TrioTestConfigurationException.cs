namespace TrioTest.Testing;

/// <summary>
/// Thrown when a test's TrioTest settings are invalid: an attribute property, an environment variable such as
/// <c>TRIOTEST_SEED</c>, or the regression file. The message names the value and what is allowed.
/// </summary>
public sealed class TrioTestConfigurationException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="TrioTestConfigurationException"/> class.</summary>
    /// <param name="message">What is wrong and what to do.</param>
    public TrioTestConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TrioTestConfigurationException"/> class.</summary>
    /// <param name="message">What is wrong and what to do.</param>
    /// <param name="innerException">The error that revealed it.</param>
    public TrioTestConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
