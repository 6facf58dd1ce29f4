namespace TrioTest.Contract;

/// <summary>A scenario's own check failed; a framework-neutral exception, so every framework reports the same type and message.</summary>
public sealed class ContractViolationException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="ContractViolationException"/> class.</summary>
    /// <param name="message">What the scenario expected.</param>
    public ContractViolationException(string message)
        : base(message)
    {
    }
}
