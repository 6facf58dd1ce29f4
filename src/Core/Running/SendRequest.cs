namespace TrioTest;

/// <summary>A <see cref="TrioTask.Send"/> from another thread: the callback the loop runs, and the signal the sender waits on.</summary>
internal sealed class SendRequest(SendOrPostCallback callback, object? state) : IDisposable
{
    /// <summary>Set once the callback ran, or the run ended without running it.</summary>
    private readonly ManualResetEventSlim _done = new();

    /// <summary>The callback's exception, or why it never ran.</summary>
    private Exception? _error;

    /// <summary>Runs the callback on the loop and releases the sender.</summary>
    public void Run()
    {
        try
        {
            callback(state);
        }
        catch (Exception e)
        {
            _error = e;
        }
        finally
        {
            _done.Set();
        }
    }

    /// <summary>Releases the sender with <paramref name="error"/>: the run ended before the callback ran.</summary>
    public void Fail(Exception error)
    {
        _error = error;
        _done.Set();
    }

    /// <summary>Waits for the loop, then rethrows what the callback threw.</summary>
    public void WaitAndRethrow()
    {
        _done.Wait();
        if (_error is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(_error);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _done.Dispose();
}
