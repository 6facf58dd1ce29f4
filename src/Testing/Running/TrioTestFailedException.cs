namespace TrioTest.Testing;

/// <summary>
/// A failed TrioTest test: the message is the failure report (the error, its seed, the replay line, the last steps of
/// the trace), and <see cref="Exception.InnerException"/> is the test's own exception with its stack.
/// </summary>
public sealed class TrioTestFailedException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="TrioTestFailedException"/> class.</summary>
    /// <param name="result">The failed result.</param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="result"/> passed.</exception>
    public TrioTestFailedException(TrioTestResult result)
        : base(CheckFailed(result).Report, result.Failure)
    {
        Result = result;
    }

    /// <summary>Gets the result of the failed test: its seed, trace and failure.</summary>
    public TrioTestResult Result { get; }

    /// <summary>Gets the seed that replays the failure.</summary>
    public Seed Seed => Result.Seed;

    /// <summary>Checks that the result failed, for the constructor.</summary>
    private static TrioTestResult CheckFailed(TrioTestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Passed ? throw new ArgumentException("The result passed: only a failed result makes a TrioTestFailedException.", nameof(result)) : result;
    }
}
