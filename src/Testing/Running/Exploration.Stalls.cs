namespace TrioTest.Testing;

/// <summary>
/// The blocked-loop watch: a timer that reads the running schedule's heartbeat and fails the test, through the abandon
/// path, when one step has held the loop for longer than <see cref="TrioTestOptions.BlockedLoopTimeout"/>.
/// </summary>
internal sealed partial class Exploration
{
    /// <summary>The shortest interval between two looks at the heartbeat.</summary>
    private static readonly TimeSpan s_minimumStallCheck = TimeSpan.FromMilliseconds(50);

    /// <summary>The watch's timer, when the exploration can abandon a body (<see cref="TrioTestRunner.RunAsync"/>) and has a limit.</summary>
    private Timer? _stallWatch;

    /// <summary>How often the watch looks.</summary>
    private TimeSpan _stallCheckInterval;

    /// <summary>The run of the schedule in progress, set on its loop thread around the run; read by the watch.</summary>
    private volatile Runner? _currentRunner;

    /// <summary>Serializes the watch's looks: a starved pool can run several timer callbacks at once.</summary>
    private readonly object _stallLock = new();

    /// <summary>The heartbeat the watch saw last.</summary>
    private long _lastHeartbeat = -1;

    /// <summary>When the watch first saw the step in <see cref="_lastHeartbeat"/> running, as a real-time timestamp.</summary>
    private long _stallSince;

    /// <summary>Starts the watch if this exploration can abandon a blocked body.</summary>
    private void StartStallWatch()
    {
        TimeSpan limit = _options.BlockedLoopTimeout;
        if (_abandon is null || limit == System.Threading.Timeout.InfiniteTimeSpan)
        {
            return;
        }

        _stallCheckInterval = limit / 4 > s_minimumStallCheck ? limit / 4 : s_minimumStallCheck;
        _stallWatch = new Timer(static state => ((Exploration)state!).CheckForStall(), this, _stallCheckInterval, _stallCheckInterval);
    }

    /// <summary>Looks at the heartbeat; fails the test once one step has held the loop past the limit.</summary>
    /// <remarks>
    /// Time is measured, not counted in looks: after a starved pool recovers, queued timer callbacks run in a burst, and
    /// counting them would take a short step for a long one.
    /// </remarks>
    private void CheckForStall()
    {
        lock (_stallLock)
        {
            if (_finished || _currentRunner is not { } runner || _stopReason is not null)
            {
                _lastHeartbeat = -1;
                return;
            }

            long heartbeat = runner.Heartbeat;
            if ((heartbeat & 1) == 0 || heartbeat != _lastHeartbeat)
            {
                // Between steps, or a new step since the last look: start timing it.
                _lastHeartbeat = heartbeat;
                _stallSince = TimeProvider.System.GetTimestamp();
                return;
            }

            TimeSpan blockedFor = TimeProvider.System.GetElapsedTime(_stallSince);
            if (blockedFor < _options.BlockedLoopTimeout || _abandon is not { } abandon)
            {
                return;
            }

            _stallWatch?.Change(System.Threading.Timeout.InfiniteTimeSpan, System.Threading.Timeout.InfiniteTimeSpan);
            TrioTask? task = runner.SteppingTask;
            var error = new LoopBlockedException(task?.Path, task?.LastCheckpoint, blockedFor, runner.BlockingWait);
            Stop($"one step held the loop for {blockedFor.TotalSeconds:0.###} s");
            abandon(Abandoned(error));
        }
    }
}
