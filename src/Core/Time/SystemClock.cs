namespace TrioTest;

/// <summary>Real time, measured from the start of the run with the system's monotonic timestamp.</summary>
/// <remarks>This is the only place in the runtime that reads the real clock for <see cref="Clock.Now"/>.</remarks>
public sealed class SystemClock : Clock
{
    /// <summary>The monotonic timestamp at which the run started.</summary>
    private long _startTimestamp;

    /// <inheritdoc/>
    public override TimeSpan Now => TimeProvider.System.GetElapsedTime(_startTimestamp);

    /// <inheritdoc/>
    public override TimeSpan GetRealTimeUntil(TimeSpan deadline)
    {
        TimeSpan remaining = deadline - Now;
        return remaining <= TimeSpan.Zero ? TimeSpan.Zero : remaining;
    }

    /// <inheritdoc/>
    protected override void OnStart() => _startTimestamp = TimeProvider.System.GetTimestamp();

    /// <inheritdoc/>
    public override string ToString() => "SystemClock";
}
