namespace TrioTest;

/// <summary>What a parked task waits for, formatted only when someone asks (a deadlock report, a debugger), so a sleep allocates no string.</summary>
internal readonly struct WaitDescription
{
    /// <summary>A fixed text, when not a sleep.</summary>
    private readonly string? _text;

    /// <summary>The sleep's deadline, when a sleep.</summary>
    private readonly TimeSpan _deadline;

    /// <summary>True for a sleep.</summary>
    private readonly bool _isSleep;

    private WaitDescription(string? text, TimeSpan deadline, bool isSleep)
    {
        _text = text;
        _deadline = deadline;
        _isSleep = isSleep;
    }

    /// <summary>A sleep until <paramref name="deadline"/> (forever for <see cref="Never.Deadline"/>).</summary>
    public static WaitDescription SleepUntil(TimeSpan deadline) => new(null, deadline, isSleep: true);

    /// <summary>A wait described by <paramref name="text"/>.</summary>
    public static WaitDescription Of(string text) => new(text, default, isSleep: false);

    /// <inheritdoc/>
    public override string ToString() =>
        !_isSleep ? _text ?? "a wait"
        : _deadline == Never.Deadline ? "sleep forever"
        : $"sleep until {_deadline:c}";
}
