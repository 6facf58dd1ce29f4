namespace TrioTest;

/// <summary>
/// The run's own nursery, Trio's system nursery: <c>main</c> runs in it with no frame around its function, and the
/// background tasks it starts there are cancelled when <c>main</c> returns. The run ends when the nursery closes.
/// </summary>
/// <remarks>
/// A nursery opened by <see cref="RunAsync"/> costs its caller an async frame and, on exit, a schedule point. The
/// harness needs a nursery around every test body for the services the test starts in the background; paying for it in
/// every schedule of an exploration cost a third of a trivial schedule, and put a schedule point into every trace that
/// the test's own code never asked for. Here <c>main</c>'s end is heard by the runner instead, as Trio's run hears it.
/// </remarks>
public sealed partial class Nursery
{
    /// <summary>For the run's nursery, what its scope's cancellation says when <c>main</c> returns; otherwise, <see langword="null"/>.</summary>
    private string? _mainReturnedReason;

    /// <summary>For the run's nursery, true once <c>main</c>'s function has ended: the last child to exit closes it.</summary>
    private bool _mainEnded;

    /// <summary>Opens the run's nursery for <paramref name="main"/>, whose initial scope is <paramref name="scope"/>.</summary>
    /// <param name="runner">The run.</param>
    /// <param name="main">The main task, spawned but not yet run.</param>
    /// <param name="scope">The nursery's scope, the run's root scope; <c>main</c> runs in it.</param>
    /// <param name="mainReturnedReason">What the scope's cancellation says when <c>main</c> returns.</param>
    /// <returns>The nursery, open until <c>main</c> and every child are done.</returns>
    internal static Nursery OpenForRun(Runner runner, TrioTask main, CancelScope scope, string mainReturnedReason) =>
        new(runner, main, scope, openedAt: string.Empty) { _mainReturnedReason = mainReturnedReason };

    /// <summary>
    /// Hears that <c>main</c>'s function ended, in its last step: cancels the background (as the harness's nursery
    /// did when its body returned, before recording what the body threw), and closes if nothing is left.
    /// </summary>
    /// <param name="error">What <c>main</c> threw, or <see langword="null"/>.</param>
    internal void MainEnded(Exception? error)
    {
        // Cancel's own work, without its checks: this is the loop thread, and the task cancelling is main.
        if (!CancelScope.CancelCalled)
        {
            CancelScope.CancelCore(new CancelReason(CancelSource.Explicit, _mainReturnedReason, ParentTask.Path));
        }

        if (error is not null)
        {
            AddError(error, ParentTask);
        }

        _mainEnded = true;
        WakeBodyIfDone();
    }

    /// <summary>Closes the run's nursery: its failure (one error as itself, several as a <see cref="NurseryException"/>) is the run's.</summary>
    private void CloseForRun()
    {
        _mainEnded = false;
        _closed = true;

        // A nursery opened with RunAsync leaves through a schedule point, after which the scope's token is cancelled; here
        // the close may come in the step that cancelled, and what main threw is classified against that token.
        _runner.FlushTokenCancellationsNow();
        Exception? failure = CollectFailure();
        CancelScope.Exit();
        _runner.RunNurseryClosed(failure);
    }
}
