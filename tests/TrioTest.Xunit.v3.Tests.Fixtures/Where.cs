namespace TrioTest.Xunit.v3.Tests.Fixtures;

/// <summary>Where the calling code runs, written to the test's output for the tests that read the TRX file.</summary>
public static class Where
{
    /// <summary>Writes "<paramref name="stage"/>: loop THREAD SEED" on a TrioTest loop, or "<paramref name="stage"/>: outside", to the running test's output.</summary>
    public static void Log(string stage) =>
        TestContext.Current.TestOutputHelper!.WriteLine(Trio.IsInRun ? $"{stage}: loop {Environment.CurrentManagedThreadId} {TrioTestContext.Current.Seed}" : $"{stage}: outside");
}
