using System.Text;

namespace TrioTest;

/// <summary>The reports that end a run that can make no progress: a deadlock, or a virtual-time limit reached.</summary>
internal sealed partial class Runner
{
    /// <summary>Builds the deadlock report: every living task, its last checkpoint and what it waits for.</summary>
    private DeadlockException CreateDeadlockException()
    {
        List<BlockedTask> blocked = DescribeLivingTasks();
        var message = new StringBuilder();
        message.Append(PeekNextDeadline() is { } pending
            ? $"deadlock: all {blocked.Count} tasks are blocked and nothing can wake them: the next timer is due at {pending:c}, but the virtual clock does not autojump and runs at rate 0, so it never gets there (set VirtualClock.AutojumpThreshold, or call Jump from a task). Virtual time {Clock.Now:c}."
            : $"deadlock: all {blocked.Count} tasks are blocked and nothing can wake them (no step is ready, no timer is pending, no work runs on another thread), at virtual time {Clock.Now:c}.");
        AppendTaskTable(message, blocked);
        IReadOnlyList<string> cycle = FindCycle(blocked);
        if (cycle.Count != 0)
        {
            message.AppendLine().Append("  cycle: ").Append(string.Join(" -> ", cycle))
                .Append(": each task waits for what the next one holds. Take the resources in one agreed order.");
        }

        // Advice the reader can follow from where they are: the harness always detects deadlocks (under a virtual clock
        // nothing outside the loop would ever wake the run), so only a plain Trio.Run that chose the default can turn it off.
        message.AppendLine().Append(
            "If a task awaits something outside the loop (Task.Delay or a timer without Trio.TimeProvider, Task.Run, real I/O), the loop cannot see it: pass Trio.TimeProvider to timers, run blocking work with Trio.ToThreadAsync")
            .Append(_options.DetectDeadlocks is null ? ", or set RunOptions.DetectDeadlocks = false." : ".");
        return new DeadlockException(message.ToString(), blocked) { Cycle = cycle };
    }

    /// <summary>Builds the report for an autojump that would pass the virtual-time limit.</summary>
    private VirtualTimeLimitExceededException CreateTimeLimitException(TimeSpan nextDeadline, TimeSpan limit)
    {
        List<BlockedTask> tasks = DescribeLivingTasks();
        var message = new StringBuilder();
        message.Append(
            $"virtual time limit reached: every task is blocked and the next deadline, {nextDeadline:c}, is past the limit of {limit:c}. A live periodic timer or a retry loop may be running forever; raise the limit (RunOptions.VirtualTimeLimit) if the test really needs more virtual time.");
        AppendTaskTable(message, tasks);
        return new VirtualTimeLimitExceededException(message.ToString(), limit, tasks);
    }

    /// <summary>Builds the report for a run that reached its step limit.</summary>
    private StepLimitExceededException CreateStepLimitException(long limit)
    {
        List<BlockedTask> tasks = DescribeLivingTasks();
        var message = new StringBuilder();
        message.Append(
            $"step limit reached: the run took {limit.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} steps and main is not done, at virtual time {Clock.Now:c}. A loop that reaches a checkpoint on every pass but never ends (a busy poll, a timer that ticks forever) may be running; the last checkpoints below show where. Raise the limit (RunOptions.StepLimit) if the test really needs more steps.");
        AppendTaskTable(message, tasks);
        return new StepLimitExceededException(message.ToString(), limit, tasks);
    }

    /// <summary>Describes every living task, in spawn order.</summary>
    private List<BlockedTask> DescribeLivingTasks() =>
        GetLivingTasks().ConvertAll(task => new BlockedTask(task.Path, task.LastCheckpoint, task.WaitingFor)
        {
            HeldBy = task.CurrentWait?.Queue is ParkingLot { Resource: { } resource }
                ? resource.Holders.Select(holder => holder.Path).ToArray()
                : [],
        });

    /// <summary>Finds the first cycle in the wait-for graph (task to the holders of what it waits for), in spawn order; empty if none.</summary>
    private static IReadOnlyList<string> FindCycle(List<BlockedTask> tasks)
    {
        var edges = tasks.ToDictionary(task => task.Path, task => task.HeldBy);
        foreach (BlockedTask start in tasks)
        {
            var path = new List<string>();
            var onPath = new HashSet<string>();
            if (Visit(start.Path, path, onPath, edges) is { } cycle)
            {
                return cycle;
            }
        }

        return [];

        static List<string>? Visit(string node, List<string> path, HashSet<string> onPath, Dictionary<string, IReadOnlyList<string>> edges)
        {
            if (onPath.Contains(node))
            {
                List<string> cycle = path.Skip(path.IndexOf(node)).ToList();
                cycle.Add(node);
                return cycle;
            }

            if (!edges.TryGetValue(node, out IReadOnlyList<string>? next))
            {
                return null;
            }

            path.Add(node);
            onPath.Add(node);
            foreach (string holder in next)
            {
                if (Visit(holder, path, onPath, edges) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            onPath.Remove(node);
            return null;
        }
    }

    /// <summary>Appends one line per task.</summary>
    private static void AppendTaskTable(StringBuilder message, List<BlockedTask> tasks)
    {
        int width = Math.Max(4, tasks.Count == 0 ? 0 : tasks.Max(task => task.Path.Length));
        foreach (BlockedTask task in tasks)
        {
            message.AppendLine().Append("  ").Append(task.Path.PadRight(width)).Append("  ").Append(task);
        }
    }
}
