namespace TrioTest.Testing.Tests;

/// <summary>Runs test bodies as the harness will: a virtual clock that autojumps at once, and escapes from the loop fail the run.</summary>
internal static class VirtualRun
{
    public static RunOptions Options(ulong seed = 0, ScheduleStrategy? strategy = null) => new()
    {
        Clock = VirtualClock.CreateAutojumping(),
        Seed = seed,
        Strategy = strategy,
        EscapePolicy = EscapePolicy.Fail,
    };

    public static void Run(Func<Task> main, ulong seed = 0, ScheduleStrategy? strategy = null) =>
        Trio.Run(main, Options(seed, strategy));

    public static T Run<T>(Func<Task<T>> main, ulong seed = 0, ScheduleStrategy? strategy = null) =>
        Trio.Run(main, Options(seed, strategy));
}
