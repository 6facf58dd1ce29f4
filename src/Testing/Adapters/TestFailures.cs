using System.Runtime.ExceptionServices;

namespace TrioTest.Testing;

/// <summary>
/// Collects the failures of one schedule's stages (construction, set-up, body, tear-down, disposal) so that every stage
/// that runs gets to fail, as the frameworks themselves report a body's failure and a cleanup's both: one failure is
/// rethrown as itself with its stack, several as an <see cref="AggregateException"/> with the earliest first.
/// </summary>
/// <example>
/// <code>
/// var failures = new TestFailures();
/// await failures.RunAsync(() => TestAdapterSupport.InvokeAsync(setUp, instance, null));
/// if (failures.Count == 0)
/// {
///     await failures.RunAsync(() => TestAdapterSupport.InvokeAsync(method, instance, arguments));
/// }
///
/// await failures.RunAsync(() => TestAdapterSupport.DisposeAsync(instance));   // runs whatever failed before
/// failures.ThrowIfAny();
/// </code>
/// </example>
public sealed class TestFailures
{
    /// <summary>The failures, earliest first, with their stacks.</summary>
    private readonly List<ExceptionDispatchInfo> _failures = [];

    /// <summary>Gets how many stages failed so far.</summary>
    public int Count => _failures.Count;

    /// <summary>Runs an asynchronous stage and keeps its exception, if it throws one.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>A task that completes when the stage has, whether it failed or not.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stage"/> is null.</exception>
    public async Task RunAsync(Func<Task> stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        try
        {
            await stage();
        }
        catch (Exception e)
        {
            _failures.Add(ExceptionDispatchInfo.Capture(e));
        }
    }

    /// <summary>Runs a synchronous stage and keeps its exception, if it throws one.</summary>
    /// <param name="stage">The stage.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stage"/> is null.</exception>
    public void Run(Action stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        try
        {
            stage();
        }
        catch (Exception e)
        {
            _failures.Add(ExceptionDispatchInfo.Capture(e));
        }
    }

    /// <summary>Throws what the stages threw: the one failure as itself, with its own stack, or several as one <see cref="AggregateException"/>, earliest first.</summary>
    /// <exception cref="Exception">The one failure, rethrown.</exception>
    /// <exception cref="AggregateException">Several stages failed.</exception>
    public void ThrowIfAny()
    {
        if (_failures.Count == 1)
        {
            _failures[0].Throw();
        }
        else if (_failures.Count > 1)
        {
            throw new AggregateException(_failures.Select(static f => f.SourceException));
        }
    }
}
