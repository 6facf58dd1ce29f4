namespace TrioTest.Testing.Tests;

/// <summary>Catches what an async body throws, so tests can assert on it after the run, outside the loop.</summary>
internal static class Capture
{
    public static async Task<Exception?> ExceptionAsync(Func<Task> body)
    {
        try
        {
            await body();
            return null;
        }
        catch (Exception error)
        {
            return error;
        }
    }

    public static Exception? Exception(Action body)
    {
        try
        {
            body();
            return null;
        }
        catch (Exception error)
        {
            return error;
        }
    }
}
