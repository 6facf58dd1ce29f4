using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace TrioTest.Testing;

/// <summary>
/// Finds the failures of tasks nobody awaited (<c>_ = FailingAsync();</c>) and gives each to the test whose schedule
/// threw it. Two process-wide hooks, installed by the first exploration: <see cref="AppDomain.FirstChanceException"/>
/// notes which schedule each exception was thrown in (on a loop thread only), and
/// <see cref="TaskScheduler.UnobservedTaskException"/>, raised when the collector finalizes a faulted task nobody
/// observed, looks the exception up there.
/// </summary>
/// <remarks>
/// Cost: one <see cref="AsyncLocal{T}"/> read per exception thrown on a loop thread, and one weak-table entry for each that
/// is not a cancellation (an exception throw itself costs microseconds). Nothing is paid per step.
/// </remarks>
internal static class UnobservedFailures
{
    /// <summary>Where each exception thrown on a loop was thrown; weak in the exception, so an entry lives as long as its exception.</summary>
    private static readonly ConditionalWeakTable<Exception, Origin> s_origins = [];

    /// <summary>1 once the hooks are installed.</summary>
    private static int s_installed;

    /// <summary>Installs the hooks, once per process.</summary>
    public static void EnsureInstalled()
    {
        if (Interlocked.Exchange(ref s_installed, 1) == 0)
        {
            AppDomain.CurrentDomain.FirstChanceException += OnFirstChance;
            TaskScheduler.UnobservedTaskException += OnUnobserved;
        }
    }

    /// <summary>Notes the schedule of an exception thrown on a loop thread. Cancellations are skipped: a cancelled task is never unobserved-faulted.</summary>
    private static void OnFirstChance(object? sender, FirstChanceExceptionEventArgs args)
    {
        if (args.Exception is OperationCanceledException || TrioTestContext.CurrentOrNull is not { Exploration: { } exploration } context || !Trio.IsInRun)
        {
            return;
        }

        s_origins.AddOrUpdate(args.Exception, new Origin(exploration, context, Trio.CurrentTask.Path));
    }

    /// <summary>Hands each unobserved exception that a schedule threw to its exploration.</summary>
    private static void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs args)
    {
        foreach (Exception failure in args.Exception.InnerExceptions)
        {
            if (s_origins.TryGetValue(failure, out Origin? origin))
            {
                origin.Exploration.OnUnobservedFailure(origin, failure);
            }
        }
    }

    /// <summary>Where an exception was thrown: the exploration, the schedule's context and the task.</summary>
    internal sealed record Origin(Exploration Exploration, TrioTestContext Context, string TaskPath);
}
