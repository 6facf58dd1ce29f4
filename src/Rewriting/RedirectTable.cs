namespace TrioTest.Rewriting;

/// <summary>Every call site the rewriter replaces, keyed by the member's definition.</summary>
internal static class RedirectTable
{
    private const string Tasks = "TrioTest.Testing.Rewriting.RewrittenTasks";
    private const string Time = "TrioTest.Testing.Rewriting.RewrittenTime";
    private const string Random = "TrioTest.Testing.Rewriting.RewrittenRandom";
    private const string Channels = "TrioTest.Testing.Rewriting.RewrittenChannels";

    /// <summary>The redirects, by <see cref="Redirect.Target"/>.</summary>
    public static IReadOnlyDictionary<string, Redirect> ByTarget { get; } = Build(
        // ConfigureAwait(false) stays on the loop inside a run.
        (Tasks, "ConfigureAwait", "ConfigureAwait", "System.Threading.Tasks.Task::ConfigureAwait(System.Boolean)"),
        (Tasks, "ConfigureAwait", "ConfigureAwait", "System.Threading.Tasks.Task::ConfigureAwait(System.Threading.Tasks.ConfigureAwaitOptions)"),
        (Tasks, "ConfigureAwait", "ConfigureAwait", "System.Threading.Tasks.Task`1::ConfigureAwait(System.Boolean)"),
        (Tasks, "ConfigureAwait", "ConfigureAwait", "System.Threading.Tasks.Task`1::ConfigureAwait(System.Threading.Tasks.ConfigureAwaitOptions)"),
        (Tasks, "ConfigureAwait", "ConfigureAwait", "System.Threading.Tasks.ValueTask::ConfigureAwait(System.Boolean)"),
        (Tasks, "ConfigureAwait", "ConfigureAwait", "System.Threading.Tasks.ValueTask`1::ConfigureAwait(System.Boolean)"),
        (Tasks, "ConfigureAwait", "ConfigureAwait", "System.Threading.Tasks.TaskAsyncEnumerableExtensions::ConfigureAwait(System.Collections.Generic.IAsyncEnumerable`1<T>,System.Boolean)"),
        (Tasks, "ConfigureAwait", "ConfigureAwait", "System.Threading.Tasks.TaskAsyncEnumerableExtensions::ConfigureAwait(System.IAsyncDisposable,System.Boolean)"),

        // Work sent to the thread pool becomes a loop task in the test's background nursery.
        (Tasks, "Task.Run", "Run", "System.Threading.Tasks.Task::Run(System.Action)"),
        (Tasks, "Task.Run", "Run", "System.Threading.Tasks.Task::Run(System.Action,System.Threading.CancellationToken)"),
        (Tasks, "Task.Run", "Run", "System.Threading.Tasks.Task::Run(System.Func`1<System.Threading.Tasks.Task>)"),
        (Tasks, "Task.Run", "Run", "System.Threading.Tasks.Task::Run(System.Func`1<System.Threading.Tasks.Task>,System.Threading.CancellationToken)"),
        (Tasks, "Task.Run", "Run", "System.Threading.Tasks.Task::Run(System.Func`1<TResult>)"),
        (Tasks, "Task.Run", "Run", "System.Threading.Tasks.Task::Run(System.Func`1<TResult>,System.Threading.CancellationToken)"),
        (Tasks, "Task.Run", "Run", "System.Threading.Tasks.Task::Run(System.Func`1<System.Threading.Tasks.Task`1<TResult>>)"),
        (Tasks, "Task.Run", "Run", "System.Threading.Tasks.Task::Run(System.Func`1<System.Threading.Tasks.Task`1<TResult>>,System.Threading.CancellationToken)"),
        (Tasks, "Task.Factory.StartNew", "StartNew", "System.Threading.Tasks.TaskFactory::StartNew(System.Action)"),
        (Tasks, "Task.Factory.StartNew", "StartNew", "System.Threading.Tasks.TaskFactory::StartNew(System.Func`1<TResult>)"),
        (Tasks, "ThreadPool.QueueUserWorkItem", "QueueUserWorkItem", "System.Threading.ThreadPool::QueueUserWorkItem(System.Threading.WaitCallback)"),
        (Tasks, "ThreadPool.QueueUserWorkItem", "QueueUserWorkItem", "System.Threading.ThreadPool::QueueUserWorkItem(System.Threading.WaitCallback,System.Object)"),
        (Tasks, "CancelAsync", "CancelAsync", "System.Threading.CancellationTokenSource::CancelAsync()"),

        // Timers, sleeps and clocks read the run's clock.
        (Time, "Task.Delay", "Delay", "System.Threading.Tasks.Task::Delay(System.TimeSpan)"),
        (Time, "Task.Delay", "Delay", "System.Threading.Tasks.Task::Delay(System.TimeSpan,System.Threading.CancellationToken)"),
        (Time, "Task.Delay", "Delay", "System.Threading.Tasks.Task::Delay(System.Int32)"),
        (Time, "Task.Delay", "Delay", "System.Threading.Tasks.Task::Delay(System.Int32,System.Threading.CancellationToken)"),
        (Time, "PeriodicTimer", "NewPeriodicTimer", "System.Threading.PeriodicTimer::.ctor(System.TimeSpan)"),
        (Time, "CancellationTokenSource timeout", "NewCancellationTokenSource", "System.Threading.CancellationTokenSource::.ctor(System.TimeSpan)"),
        (Time, "CancellationTokenSource timeout", "NewCancellationTokenSource", "System.Threading.CancellationTokenSource::.ctor(System.Int32)"),
        (Time, "CancelAfter", "CancelAfter", "System.Threading.CancellationTokenSource::CancelAfter(System.TimeSpan)"),
        (Time, "CancelAfter", "CancelAfter", "System.Threading.CancellationTokenSource::CancelAfter(System.Int32)"),
        (Time, "Thread.Sleep", "Sleep", "System.Threading.Thread::Sleep(System.TimeSpan)"),
        (Time, "Thread.Sleep", "Sleep", "System.Threading.Thread::Sleep(System.Int32)"),
        (Time, "clock", "UtcNow", "System.DateTime::get_UtcNow()"),
        (Time, "clock", "Now", "System.DateTime::get_Now()"),
        (Time, "clock", "OffsetUtcNow", "System.DateTimeOffset::get_UtcNow()"),
        (Time, "clock", "OffsetNow", "System.DateTimeOffset::get_Now()"),
        (Time, "clock", "GetTimestamp", "System.Diagnostics.Stopwatch::GetTimestamp()"),
        (Time, "clock", "TickCount64", "System.Environment::get_TickCount64()"),
        (Time, "clock", "TickCount", "System.Environment::get_TickCount()"),

        // Randomness is seeded by the schedule's seed.
        (Random, "Random", "Shared", "System.Random::get_Shared()"),
        (Random, "Random", "NewRandom", "System.Random::.ctor()"),

        // BCL members that leave the loop inside themselves get loop-safe equivalents.
        (Channels, "ChannelReader.ReadAllAsync", "ReadAllAsync", "System.Threading.Channels.ChannelReader`1::ReadAllAsync(System.Threading.CancellationToken)"));

    private static Dictionary<string, Redirect> Build(params (string ShimType, string Kind, string ShimMethod, string Target)[] entries)
    {
        var table = new Dictionary<string, Redirect>(StringComparer.Ordinal);
        foreach ((string shimType, string kind, string shimMethod, string target) in entries)
        {
            table.Add(target, new Redirect(target, shimType, shimMethod, kind));
        }

        return table;
    }
}
