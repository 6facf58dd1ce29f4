namespace TrioTest;

/// <summary>Tasks: spawning (with an execution context that carries the task and its scope), exit, and the living set.</summary>
internal sealed partial class Runner
{
    /// <summary>Starts a task's first step inside the execution context captured for it at spawn.</summary>
    private static readonly Action<object?> s_startTask = static state =>
    {
        var start = (TaskStart)state!;
        if (start.Context is { } context)
        {
            ExecutionContext.Run(context, static s => ((TaskStart)s!).Invoke(), start);
            return;
        }

        // The spawner suppressed execution-context flow: set the ambient value by hand around the first step.
        Ambient? saved = Ambient.Current;
        Ambient.Current = start.Ambient;
        try
        {
            start.Invoke();
        }
        finally
        {
            Ambient.Current = saved;
        }
    };

    /// <summary>Living tasks by id; ordered by id wherever they are listed.</summary>
    private readonly Dictionary<long, TrioTask> _livingTasks = [];

    /// <summary>The id of the next task.</summary>
    private long _nextTaskId;

    /// <summary>The run's root cancel scope.</summary>
    private CancelScope? _rootScope;

    /// <summary>The main task.</summary>
    private TrioTask? _mainTask;

    /// <summary>True once main has returned or thrown.</summary>
    private bool _mainDone;

    /// <summary>Gets how many tasks are alive.</summary>
    internal int LivingTaskCount => _livingTasks.Count;

    /// <summary>Creates a task and queues its first step, which calls <paramref name="start"/> in the task's context.</summary>
    /// <param name="name">The task's name.</param>
    /// <param name="nursery">The nursery it belongs to, or <see langword="null"/> for main.</param>
    /// <param name="scope">The task's initial cancel scope.</param>
    /// <param name="start">Starts the task's function and returns its completion; must not throw.</param>
    /// <returns>The task.</returns>
    internal TrioTask SpawnTask(string name, Nursery? nursery, CancelScope scope, Func<TrioTask, Task> start)
    {
        long id = _nextTaskId++;
        string path = nursery is null ? name : nursery.ParentTask.ClaimChildPath(name);
        var task = new TrioTask(this, id, name, path, nursery) { InitialScope = scope };
        _livingTasks.Add(id, task);
        if (Instruments.IsActive)
        {
            Instruments.OnTaskSpawned(task);
        }

        var ambient = new Ambient(task, scope);
        EnqueueStep(task, s_startTask, new TaskStart(task, ambient, Ambient.CaptureWith(ambient), start));
        return task;
    }

    /// <summary>Marks <paramref name="task"/> as exited and removes it from the living set.</summary>
    internal void TaskExited(TrioTask task)
    {
        task.State = TrioTaskState.Exited;
        task.CurrentWait = null;
        if (task.OwnedLocks is { Count: > 0 } owned)
        {
            foreach (AsyncLock held in owned.ToArray())
            {
                held.BreakBecauseOwnerExited(task);
            }
        }

        _livingTasks.Remove(task.Id);
        if (Instruments.IsActive)
        {
            Instruments.OnTaskExited(task);
        }
    }

    /// <summary>Gets the living tasks in spawn order.</summary>
    internal List<TrioTask> GetLivingTasks()
    {
        var tasks = new List<TrioTask>(_livingTasks.Values);
        tasks.Sort(static (a, b) => a.Id.CompareTo(b.Id));
        return tasks;
    }

    /// <summary>Runs main and marks the end of the run when it completes.</summary>
    private async Task RunMainAsync(Func<Task> main)
    {
        try
        {
            await (main() ?? throw ThrowHelper.NullTaskFromBody("Trio.Run"));
            TaskExited(_mainTask!);
            if (_livingTasks.Count != 0)
            {
                // Only a nursery that was started and not awaited lets a task outlive main.
                Fail(new InvalidOperationException(
                    $"main returned while {_livingTasks.Count} task(s) were still running ({string.Join(", ", GetLivingTasks().Select(t => t.Path))}). "
                    + "Await every Nursery.RunAsync: a nursery must not outlive the code that opened it."));
            }
        }
        finally
        {
            if (_mainTask!.State != TrioTaskState.Exited)
            {
                TaskExited(_mainTask);
            }

            _mainDone = true;
        }
    }

    /// <summary>What a task's first step needs: the task, its ambient value, its captured context and its start function.</summary>
    private sealed class TaskStart(TrioTask task, Ambient ambient, ExecutionContext? context, Func<TrioTask, Task> start)
    {
        /// <summary>Gets the ambient value of the new task.</summary>
        public Ambient Ambient { get; } = ambient;

        /// <summary>Gets the execution context captured for the task, if flow was not suppressed.</summary>
        public ExecutionContext? Context { get; } = context;

        /// <summary>Calls the start function and keeps the task's completion.</summary>
        public void Invoke() => task.Completion = start(task);
    }
}
