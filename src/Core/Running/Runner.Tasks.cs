using System.Runtime.ExceptionServices;
using System.Threading.Tasks.Sources;

namespace TrioTest;

/// <summary>Tasks: spawning (with an execution context that carries the task and its scope), exit, and the living set.</summary>
internal sealed partial class Runner : ITaskOwner
{
    /// <summary>
    /// The callback of a task's first step when the spawner suppressed execution-context flow; with flow, the first step's
    /// callback is the spawner's execution context itself. Either way the step's state is the function, so a task keeps
    /// neither once it has started.
    /// </summary>
    private static readonly object s_startWithoutContext = new();

    /// <summary>The function of the task being started, handed from <see cref="StartTask"/> into its execution context (a state object of two would be allocated).</summary>
    private object? _startingFunction;

    /// <summary>Reports the end of a function that was one loop wait, in the step its waiter queued for the task.</summary>
    private static readonly Action<object?> s_waitedFunctionEnded = static state =>
    {
        var task = (TrioTask)state!;
        task.Runner.EndFunction(task);
    };

    /// <summary>
    /// Reports the end of a function that returned a Task. The runtime runs it only where the task's context is current
    /// (see <see cref="StartFunction"/>), so that context names the task.
    /// </summary>
    private static readonly Action s_functionEnded = static () =>
    {
        var task = SynchronizationContext.Current as TrioTask
            ?? throw new InvalidOperationException("A task's function ended with no TrioTest task's context current. This is a bug in TrioTest; please report it.");
        task.Runner.EndFunction(task);
    };

    /// <summary>The oldest living task; the living tasks form a list in spawn order through <see cref="TrioTask.NextLiving"/>.</summary>
    private TrioTask? _firstLiving;

    /// <summary>The youngest living task.</summary>
    private TrioTask? _lastLiving;

    /// <summary>How many tasks are alive.</summary>
    private int _livingCount;

    /// <summary>The id of the next task.</summary>
    private long _nextTaskId;

    /// <summary>The run's root cancel scope.</summary>
    private CancelScope? _rootScope;

    /// <summary>The main task.</summary>
    private TrioTask? _mainTask;

    /// <summary>The run's own nursery, when main was given one: main's end goes to it, and its close ends the run.</summary>
    private Nursery? _runNursery;

    /// <summary>True once main has returned or thrown.</summary>
    private bool _mainDone;

    /// <summary>What main threw (with the run's nursery, what the nursery threw), rethrown when the run ends.</summary>
    private ExceptionDispatchInfo? _mainError;

    /// <summary>How many tasks were spawned before the run failed.</summary>
    private int _tasksSpawnedBeforeFailure;

    /// <summary>Gets how many tasks are alive.</summary>
    internal int LivingTaskCount => _livingCount;

    /// <summary>
    /// Gets how many tasks the run spawned, main included, before it failed: the count an instrument hears of, and so the
    /// one a report may give (what the rest of a failing step does may depend on threads that left the loop).
    /// </summary>
    internal int TasksSpawnedBeforeFailure => _tasksSpawnedBeforeFailure;

    /// <summary>Creates a task and queues its first step, in which <paramref name="owner"/> calls its function.</summary>
    /// <param name="name">The task's name.</param>
    /// <param name="nursery">The nursery it belongs to, or <see langword="null"/> for main.</param>
    /// <param name="scope">The task's initial cancel scope.</param>
    /// <param name="owner">Calls the function and hears of its end.</param>
    /// <param name="function">What the owner needs to call the function, carried by the task's first step.</param>
    /// <returns>The task.</returns>
    internal TrioTask SpawnTask(string name, Nursery? nursery, CancelScope scope, ITaskOwner owner, object? function)
    {
        var task = new TrioTask(this, _nextTaskId++, name, nursery, owner)
        {
            InitialScope = scope,
        };
        AddLiving(task);
        if (_fatal is null)
        {
            _tasksSpawnedBeforeFailure++;
        }

        if (Instruments.IsActive)
        {
            Instruments.OnTaskSpawned(task);
        }

        EnqueueStep(task, ExecutionContext.Capture() ?? s_startWithoutContext, function);
        return task;
    }

    /// <summary>Runs a task's first step: calls its function inside the spawner's execution context, with the task's ambient value.</summary>
    /// <param name="task">The task.</param>
    /// <param name="context">The spawner's execution context, or <see langword="null"/> if the spawner suppressed its flow.</param>
    /// <param name="function">What the owner needs to call the function.</param>
    private void StartTask(TrioTask task, ExecutionContext? context, object? function)
    {
        if (context is not null)
        {
            // The child inherits the spawner's async-locals (as Trio copies the spawner's context variables); setting its
            // ambient value inside Run makes the one new context the child's flow captures from here on.
            _startingFunction = function;
            ExecutionContext.Run(context, static s =>
            {
                var t = (TrioTask)s!;
                Runner runner = t.Runner;
                object? f = runner._startingFunction;
                runner._startingFunction = null;
                Ambient.Current = new Ambient(t, t.InitialScope);
                runner.StartFunction(t, f);
            }, task);
            return;
        }

        // The spawner suppressed execution-context flow: set the ambient value by hand around the first step.
        Ambient? saved = Ambient.Current;
        Ambient.Current = new Ambient(task, task.InitialScope);
        try
        {
            StartFunction(task, function);
        }
        finally
        {
            Ambient.Current = saved;
        }
    }

    /// <summary>Calls the task's function (in its first step) and reports its end now, or registers to report it later.</summary>
    private void StartFunction(TrioTask task, object? function)
    {
        ValueTask functionTask;
        try
        {
            functionTask = task.Owner.StartFunction(task, function);
        }
        catch (Exception e)
        {
            EndFunction(task, e);
            return;
        }

        task.FunctionTask = functionTask;
        if (functionTask.IsCompleted)
        {
            EndFunction(task);
            return;
        }

        if (_lastRentedWaiter is { } wait && wait.Task == task && functionTask.Equals(new ValueTask(wait, wait.Version)))
        {
            // The function is one wait of the loop's own (a sleep, a park, a yield): the waiter queues its continuation as
            // a step of this task, and takes the task as the continuation's state, so its end costs no delegate of its own.
            wait.OnCompleted(s_waitedFunctionEnded, task, wait.Version, ValueTaskSourceOnCompletedFlags.None);
            return;
        }

        // Registered with the task's context current, as an await in the function's frame would be: the end is then either
        // run inline in a step of this task or posted to the task's context (a step of the task; an escape if it completed
        // off the loop). A context-free continuation would not do: the runtime sends those to the thread pool while a
        // custom context is current.
        if (SynchronizationContext.Current != task)
        {
            SynchronizationContext.SetSynchronizationContext(task);
        }

        if (function is Func<ValueTask>)
        {
            // A ValueTask over some IValueTaskSource (a channel's write, a pooled async method) decides where its
            // continuation runs. Asked to use the scheduling context, the BCL's sources post it to the task's context; a
            // source that ignores the request may run it inside another task's step, so the continuation is bound to
            // this task. Awaiting it through AsTask instead would drop the request, and a source that runs continuations
            // asynchronously would then complete through the thread pool, off the loop.
            functionTask.GetAwaiter().UnsafeOnCompleted(task.CreateFunctionEndContinuation());
            return;
        }

        // Every other owner's function returns a Task (see ITaskOwner.StartFunction). The runtime runs a Task's await
        // continuation inline only where the captured context is current and otherwise posts it to that context, so the
        // context current when it runs names the task, and one shared delegate serves every task.
        functionTask.GetAwaiter().UnsafeOnCompleted(s_functionEnded);
    }

    /// <summary>Reports the end of the task's function to its owner, on the loop thread inside a step of the task.</summary>
    internal void EndFunction(TrioTask task)
    {
        Exception? error = null;
        try
        {
            task.FunctionTask.GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            error = e;
        }

        task.FunctionTask = default;
        EndFunction(task, error);
    }

    /// <summary>Tells the owner the function ended with <paramref name="error"/>; the owner's code must not throw.</summary>
    private void EndFunction(TrioTask task, Exception? error)
    {
        try
        {
            task.Owner.FunctionEnded(task, error);
        }
        catch (Exception e)
        {
            Fail(new InvalidOperationException($"Reporting the end of task {task.Path} threw {e.GetType().Name}: {e.Message}. This is a bug in TrioTest.", e));
        }
    }

    /// <summary>Marks <paramref name="task"/> as exited and removes it from the living set.</summary>
    internal void TaskExited(TrioTask task)
    {
        if (task.State == TrioTaskState.Exited)
        {
            return;
        }

        task.State = TrioTaskState.Exited;
        task.CurrentWait = null;
        if (task.OwnedLocks is { Count: > 0 } owned)
        {
            foreach (AsyncLock held in owned.ToArray())
            {
                held.BreakBecauseOwnerExited(task);
            }
        }

        RemoveLiving(task);
        if (Instruments.IsActive)
        {
            Instruments.OnTaskExited(task);
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// The run owns <c>main</c>: <paramref name="function"/> is the function given to <c>Trio.Run</c>, or one that
    /// takes the run's nursery.
    /// </remarks>
    ValueTask ITaskOwner.StartFunction(TrioTask task, object? function) =>
        new((function is Func<Nursery, Task> withNursery ? withNursery(_runNursery!) : ((Func<Task>)function!)())
            ?? throw ThrowHelper.NullTaskFromBody("Trio.Run"));

    /// <inheritdoc/>
    /// <remarks>
    /// Main's end is the run's end (its error is what <c>Trio.Run</c> throws, unless the loop failed first), or, with
    /// the run's nursery, the start of that nursery's close.
    /// </remarks>
    void ITaskOwner.FunctionEnded(TrioTask task, Exception? error)
    {
        TaskExited(task);
        if (_runNursery is { } nursery)
        {
            nursery.MainEnded(error);
            return;
        }

        MainDone(error);
    }

    /// <summary>Hears that the run's nursery closed, main and its background tasks all done, with what it throws.</summary>
    internal void RunNurseryClosed(Exception? failure) => MainDone(failure);

    /// <summary>Ends the run with main's error, or checks that no task outlives main.</summary>
    private void MainDone(Exception? error)
    {
        if (error is not null)
        {
            _mainError = ExceptionDispatchInfo.Capture(error);
        }
        else if (_livingCount != 0)
        {
            // Only a nursery that was started and not awaited lets a task outlive main.
            Fail(new InvalidOperationException(
                $"main returned while {_livingCount} task(s) were still running ({string.Join(", ", GetLivingTasks().Select(t => t.Path))}). "
                + "Await every Nursery.RunAsync: a nursery must not outlive the code that opened it."));
        }

        _mainDone = true;
    }

    /// <summary>Gets the living tasks in spawn order.</summary>
    internal List<TrioTask> GetLivingTasks()
    {
        var tasks = new List<TrioTask>(_livingCount);
        for (TrioTask? task = _firstLiving; task is not null; task = task.NextLiving)
        {
            tasks.Add(task);
        }

        return tasks;
    }

    /// <summary>Gets the living children of <paramref name="nursery"/>, in spawn order.</summary>
    /// <param name="nursery">The nursery.</param>
    /// <param name="count">How many there are.</param>
    internal List<TrioTask> GetLivingChildren(Nursery nursery, int count)
    {
        var children = new List<TrioTask>(count);
        for (TrioTask? task = _firstLiving; task is not null && children.Count < count; task = task.NextLiving)
        {
            if (task.IsInNursery && task.ParentNursery == nursery)
            {
                children.Add(task);
            }
        }

        return children;
    }

    /// <summary>Appends a new task to the living list.</summary>
    private void AddLiving(TrioTask task)
    {
        task.PreviousLiving = _lastLiving;
        if (_lastLiving is null)
        {
            _firstLiving = task;
        }
        else
        {
            _lastLiving.NextLiving = task;
        }

        _lastLiving = task;
        _livingCount++;
    }

    /// <summary>Removes an exited task from the living list.</summary>
    private void RemoveLiving(TrioTask task)
    {
        if (task.PreviousLiving is null)
        {
            _firstLiving = task.NextLiving;
        }
        else
        {
            task.PreviousLiving.NextLiving = task.NextLiving;
        }

        if (task.NextLiving is null)
        {
            _lastLiving = task.PreviousLiving;
        }
        else
        {
            task.NextLiving.PreviousLiving = task.PreviousLiving;
        }

        task.PreviousLiving = task.NextLiving = null;
        _livingCount--;
    }
}
