namespace TrioTest;

/// <summary>
/// Thrown at a cancel point inside a cancelled <see cref="CancelScope"/>. Let it propagate: the scope that was
/// cancelled catches it when the body leaves it. Cancellation is level-triggered, so every later cancel point
/// inside the scope throws again.
/// </summary>
/// <remarks>
/// Only the runtime creates it (as only Trio creates <c>trio.Cancelled</c>). It is an
/// <see cref="OperationCanceledException"/>, so code that catches cancellation the .NET way keeps working;
/// <see cref="OperationCanceledException.CancellationToken"/> is the innermost scope's <see cref="CancelScope.Token"/> when
/// that token was created, and <see cref="CancellationToken.None"/> otherwise.
/// </remarks>
public sealed class Cancelled : OperationCanceledException
{
    internal Cancelled(CancelReason reason, CancellationToken token, Exception? innerException = null)
        : base(reason.ToString(), innerException, token)
    {
        Reason = reason;
    }

    /// <summary>Gets why the scope was cancelled.</summary>
    public CancelReason Reason { get; }
}
