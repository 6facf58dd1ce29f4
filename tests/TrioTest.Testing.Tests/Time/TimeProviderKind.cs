namespace TrioTest.Testing.Tests.Time;

/// <summary>The <see cref="TimeProvider"/> a timer scenario runs on.</summary>
public enum TimeProviderKind
{
    /// <summary>Ours: <see cref="Trio.TimeProvider"/> under an autojumping <see cref="VirtualClock"/>, advanced with <see cref="Trio.SleepAsync"/>.</summary>
    Loop,

    /// <summary><c>FakeTimeProvider</c> from Microsoft.Extensions.TimeProvider.Testing, advanced with <c>Advance</c>.</summary>
    Fake,
}
