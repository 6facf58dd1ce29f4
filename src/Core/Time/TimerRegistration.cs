namespace TrioTest;

/// <summary>
/// A timer target's standing in the run's timer heap: the generation its entries carry, and whether its latest entry is
/// still live there. Every target (a sleeping waiter, a scope's deadline, a <see cref="TimeProvider"/> timer) keeps one,
/// so a registration dropped before its deadline is counted as stale in one place (see <see cref="Runner.TimerDropped"/>).
/// </summary>
/// <remarks>A mutable struct: keep it in a non-readonly field and call it through the field.</remarks>
internal struct TimerRegistration
{
    /// <summary>True while the latest registration is a live entry in the heap.</summary>
    private bool _inHeap;

    /// <summary>Gets the generation the latest registration carries; an entry with an older one is stale.</summary>
    public long Generation { readonly get; private set; }

    /// <summary>Registers <paramref name="target"/> to fire at <paramref name="deadline"/>, dropping any earlier registration.</summary>
    /// <param name="runner">The run whose heap holds the entry.</param>
    /// <param name="target">The target that owns this registration.</param>
    /// <param name="deadline">When to fire.</param>
    public void Register(Runner runner, ITimerTarget target, TimeSpan deadline)
    {
        Drop(runner);
        runner.AddTimer(target, Generation, deadline);
        _inHeap = true;
    }

    /// <summary>Makes any registration stale, and tells the run when one was still live in its heap.</summary>
    /// <param name="runner">The run; it may be <see langword="null"/> only if nothing was ever registered.</param>
    public void Drop(Runner? runner)
    {
        if (Invalidate())
        {
            runner!.TimerDropped();
        }
    }

    /// <summary>
    /// Makes any registration stale, for a caller that finds its run only when needed (a waiter, through its task, on
    /// the hot path of every wake): it must then call <see cref="Runner.TimerDropped"/>.
    /// </summary>
    /// <returns><see langword="true"/> if the registration was still live in the heap.</returns>
    public bool Invalidate()
    {
        Generation++;
        bool wasLive = _inHeap;
        _inHeap = false;
        return wasLive;
    }

    /// <summary>Notes that the heap fired the latest registration and let go of its entry.</summary>
    public void Fired() => _inHeap = false;
}
