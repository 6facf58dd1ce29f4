namespace TrioTest.Testing.Tests.Time;

/// <summary>One entry of a scenario's log: what happened and the provider's time when it happened.</summary>
/// <param name="What">What happened, usually the name of the timer whose callback ran.</param>
/// <param name="At">The provider's time since the scenario began, as the code that logged the event saw it.</param>
/// <param name="AdvanceEnd">The time the advance in progress was heading for (the current time outside an advance).</param>
public sealed record TimerEvent(string What, TimeSpan At, TimeSpan AdvanceEnd)
{
    /// <inheritdoc/>
    public override string ToString() => $"{What} at {At.TotalSeconds} s (advance to {AdvanceEnd.TotalSeconds} s)";
}
