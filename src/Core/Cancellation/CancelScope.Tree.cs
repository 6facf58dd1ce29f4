namespace TrioTest;

/// <summary>The scope tree: entry and exit, propagation of cancellation, and the waiters to abort.</summary>
public sealed partial class CancelScope
{
    /// <summary>The deadline's registration in the run's timer heap.</summary>
    private TimerRegistration _deadlineTimer;

    /// <summary>The first active child scope (intrusive list, O(1) unlink).</summary>
    private CancelScope? _firstChild;

    /// <summary>The previous sibling in the parent's child list.</summary>
    private CancelScope? _previousSibling;

    /// <summary>The next sibling in the parent's child list.</summary>
    private CancelScope? _nextSibling;

    /// <summary>The first waiter parked directly in this scope (intrusive list, in parking order).</summary>
    private Waiter? _firstWaiter;

    /// <summary>The last waiter parked directly in this scope.</summary>
    private Waiter? _lastWaiter;

    /// <summary>What a scope does with an <see cref="OperationCanceledException"/> leaving its body.</summary>
    internal enum Catch
    {
        /// <summary>Not this scope's business: let it propagate as it is.</summary>
        Propagate,

        /// <summary>This scope was cancelled and no outer cancellation is visible: swallow it.</summary>
        Absorb,

        /// <summary>An exception for this scope's token that an outer scope must catch: propagate it as <see cref="Cancelled"/>.</summary>
        AsCancelled,
    }

    /// <summary>Creates the root scope of a run: active, no parent, no deadline (the run's nursery, which takes this scope, may be given one).</summary>
    /// <param name="runner">The run.</param>
    /// <returns>The root scope.</returns>
    internal static CancelScope CreateRoot(Runner runner)
    {
        var root = new CancelScope();
        root.Enter(runner, parent: null);
        return root;
    }

    /// <summary>Enters the scope under <paramref name="parent"/>: fixes the deadline and links into the tree.</summary>
    /// <exception cref="InvalidOperationException">The scope was entered before.</exception>
    internal void Enter(Runner runner, CancelScope? parent)
    {
        if (_state != ScopeState.Unentered)
        {
            throw new InvalidOperationException(
                "Each CancelScope may be entered only once, and this one already was: create a new CancelScope for each RunAsync.");
        }

        _runner = runner;
        _parent = parent;
        _state = ScopeState.Active;
        if (_relativeDeadline is { } relative)
        {
            _deadline = Never.DeadlineAfter(runner.Clock.Now, relative);
            _relativeDeadline = null;
        }

        if (parent is not null)
        {
            _nextSibling = parent._firstChild;
            if (_nextSibling is not null)
            {
                _nextSibling._previousSibling = this;
            }

            parent._firstChild = this;
        }

        if (!_cancelCalled && runner.Clock.Now >= _deadline)
        {
            _cancelCalled = true;
            _reason = new CancelReason(CancelSource.Deadline);
        }

        Recalculate();
        RegisterDeadline();
    }

    /// <summary>Leaves the scope: unlinks it from the tree and drops its deadline.</summary>
    internal void Exit()
    {
        _state = ScopeState.Exited;
        DropDeadline();
        if (_parent is { } parent)
        {
            if (_previousSibling is not null)
            {
                _previousSibling._nextSibling = _nextSibling;
            }
            else
            {
                parent._firstChild = _nextSibling;
            }

            if (_nextSibling is not null)
            {
                _nextSibling._previousSibling = _previousSibling;
            }

            _previousSibling = _nextSibling = null;
        }
    }

    /// <summary>Moves an active scope under a new parent (a <c>StartAsync</c> child moving into its nursery).</summary>
    /// <param name="newParent">The new parent.</param>
    internal void Reparent(CancelScope newParent)
    {
        Exit();
        _state = ScopeState.Unentered;
        _parent = null;
        Enter(_runner!, newParent);
    }

    /// <summary>Decides what leaving the scope does with <paramref name="exception"/>.</summary>
    internal Catch Classify(OperationCanceledException exception)
    {
        // Ours: our Cancelled, or a .NET cancellation caused by our token, directly or through a linked source
        // (CreateLinkedTokenSource, or a library that links internally).
        bool ours = exception is Cancelled
            || (_tokenSource is { IsCancellationRequested: true } source
                && (exception.CancellationToken == source.Token || exception.CancellationToken.IsCancellationRequested));
        if (!ours)
        {
            return Catch.Propagate;
        }

        bool outerCancellationVisible = _parent is not null && !_shield && _parent._effectivelyCancelled;
        if (_effectivelyCancelled && !outerCancellationVisible)
        {
            return Catch.Absorb;
        }

        return exception is Cancelled ? Catch.Propagate : Catch.AsCancelled;
    }

    /// <summary>Gets the scope's token if one was created (for <see cref="Cancelled"/>), or <see cref="CancellationToken.None"/>.</summary>
    internal CancellationToken CreatedToken => _tokenSource?.Token ?? CancellationToken.None;

    /// <summary>Records that the scope absorbed a <see cref="Cancelled"/> (a nursery absorbing its children's).</summary>
    internal void MarkCancelledCaught() => CancelledCaught = true;

    /// <summary>Finds why cancel points in this scope throw: the nearest cancelled scope at or above it, stopping at a shield.</summary>
    /// <returns>The reason.</returns>
    internal CancelReason GetEffectiveReason()
    {
        for (CancelScope? scope = this; scope is not null; scope = scope._parent)
        {
            if (scope._cancelCalled)
            {
                return scope._reason!;
            }

            if (scope._shield)
            {
                break;
            }
        }

        return new CancelReason(CancelSource.Explicit);
    }

    /// <summary>Cancels the scope for <paramref name="reason"/> (idempotent) and propagates to the scopes inside it.</summary>
    internal void CancelCore(CancelReason reason)
    {
        if (_cancelCalled)
        {
            return;
        }

        _cancelCalled = true;
        _reason = reason;
        DropDeadline();
        if (_state == ScopeState.Active)
        {
            Recalculate();
        }
    }

    /// <summary>Parks <paramref name="waiter"/> in this scope, so cancelling the scope aborts it.</summary>
    internal void AddWaiter(Waiter waiter)
    {
        waiter.PreviousInScope = _lastWaiter;
        waiter.NextInScope = null;
        if (_lastWaiter is null)
        {
            _firstWaiter = waiter;
        }
        else
        {
            _lastWaiter.NextInScope = waiter;
        }

        _lastWaiter = waiter;
    }

    /// <summary>Removes <paramref name="waiter"/> from this scope's list.</summary>
    internal void RemoveWaiter(Waiter waiter)
    {
        if (waiter.PreviousInScope is null)
        {
            _firstWaiter = waiter.NextInScope;
        }
        else
        {
            waiter.PreviousInScope.NextInScope = waiter.NextInScope;
        }

        if (waiter.NextInScope is null)
        {
            _lastWaiter = waiter.PreviousInScope;
        }
        else
        {
            waiter.NextInScope.PreviousInScope = waiter.PreviousInScope;
        }

        waiter.PreviousInScope = waiter.NextInScope = null;
    }

    /// <summary>
    /// Recomputes effective cancellation for this scope and the scopes inside it (iteratively: thousands of
    /// nested scopes must not overflow the stack). Scopes that become cancelled abort their parked waiters, in the
    /// order they parked; their tokens are cancelled by the loop when the current step ends
    /// (<see cref="Runner.DeferTokenCancellation"/>), so token callbacks never run inside the canceller's step.
    /// </summary>
    private void Recalculate()
    {
        if (!Update(this))
        {
            return;
        }

        if (_firstChild is not null)
        {
            var pending = new Stack<CancelScope>();
            PushChildren(this, pending);
            while (pending.Count > 0)
            {
                CancelScope scope = pending.Pop();
                if (Update(scope))
                {
                    PushChildren(scope, pending);
                }
            }
        }

        static bool Update(CancelScope scope)
        {
            bool cancelled = scope._cancelCalled
                || (!scope._shield && scope._parent is { _effectivelyCancelled: true });
            if (cancelled == scope._effectivelyCancelled)
            {
                return false;
            }

            scope._effectivelyCancelled = cancelled;
            if (cancelled)
            {
                scope.AbortWaiters();
                if (scope._tokenSource is { IsCancellationRequested: false } source)
                {
                    scope._runner!.DeferTokenCancellation(source);
                }
            }

            return true;
        }

        // The child list runs newest first, so the stack pops the oldest first: scopes are visited in entry order.
        static void PushChildren(CancelScope scope, Stack<CancelScope> pending)
        {
            for (CancelScope? child = scope._firstChild; child is not null; child = child._nextSibling)
            {
                pending.Push(child);
            }
        }
    }

    /// <summary>Aborts every waiter parked directly in this scope.</summary>
    private void AbortWaiters()
    {
        if (_firstWaiter is null)
        {
            return;
        }

        CancelReason reason = GetEffectiveReason();
        Waiter? waiter = _firstWaiter;
        while (waiter is not null)
        {
            Waiter? next = waiter.NextInScope;
            waiter.TryAbort(reason, CreatedToken);
            waiter = next;
        }
    }

    /// <summary>Registers the current deadline in the timer heap, replacing any earlier registration.</summary>
    private void RegisterDeadline()
    {
        if (_state == ScopeState.Active && !_cancelCalled && _deadline != Never.Deadline)
        {
            _deadlineTimer.Register(_runner!, this, _deadline);
        }
        else
        {
            DropDeadline();
        }
    }

    /// <summary>Makes any earlier registration of the deadline stale.</summary>
    private void DropDeadline() => _deadlineTimer.Drop(_runner);
}
