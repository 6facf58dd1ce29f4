namespace TrioTest.Testing;

/// <summary>Finds the calling task for the toolkit's async methods, with an error that names the member when there is no run.</summary>
/// <remarks>The methods themselves stay on the loop through Core's loop method builders (<c>[AsyncMethodBuilder]</c>).</remarks>
internal static class CurrentTask
{
    /// <summary>Gets the task of the calling flow.</summary>
    /// <param name="api">The public member being entered, named in the error if there is no run.</param>
    /// <returns>The current task.</returns>
    /// <exception cref="InvalidOperationException">Not inside a run, or not on its loop thread.</exception>
    public static TrioTask Get(string api) => Runner.GetCurrent(api).CurrentAmbient().Task;
}
