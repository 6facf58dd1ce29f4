namespace TrioTest.Testing.Tests.Time;

/// <summary>A timer scenario, written once against <see cref="TimeProvider"/> and run on every provider.</summary>
/// <param name="Name">The scenario's name, as the test cases show it.</param>
/// <param name="Body">The scenario: creates timers on the driver's provider and moves time with the driver.</param>
/// <param name="Expected">
/// What the scenario must log, in order, on every provider, each with the time the event is due: the time our
/// provider shows when it happens (<c>FakeTimeProvider</c> shows the end of the advance instead).
/// </param>
public sealed record TimerScenario(string Name, Func<TimeDriver, Task> Body, IReadOnlyList<(string What, double Seconds)> Expected)
{
    /// <inheritdoc/>
    public override string ToString() => Name;
}
