using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace TrioTest;

/// <summary>
/// Trio's cancel scope: a region of code, run with <see cref="RunAsync"/>, that can be cancelled explicitly
/// (<see cref="Cancel"/>) or by a <see cref="Deadline"/>. Every cancel point inside a cancelled scope throws
/// <see cref="Cancelled"/> until the code leaves the scope, which then catches it.
/// </summary>
/// <remarks>
/// <para>Scopes nest along the async control flow. A scope is effectively cancelled when it was cancelled, or
/// when its parent is and it is not a <see cref="Shield"/>. When several nested scopes are cancelled, the
/// outermost one catches the <see cref="Cancelled"/> (it would have been raised anyway), and only that one
/// reports <see cref="CancelledCaught"/>.</para>
/// <para>The body is a lambda because C#'s <c>using</c> cannot swallow the exception a scope must catch.
/// A scope is entered once; create a new one for each region. Use it on the loop thread; <see cref="Cancel"/>
/// may also be called from other threads.</para>
/// </remarks>
/// <example>
/// <code>
/// var scope = new CancelScope { RelativeDeadline = TimeSpan.FromSeconds(5) };
/// await scope.RunAsync(() => DownloadAsync(url));
/// if (scope.CancelledCaught) { /* timed out */ }
/// </code>
/// </example>
[DebuggerDisplay("{ToString(),nq}")]
public sealed partial class CancelScope : ITimerTarget
{
    /// <summary>The absolute deadline on the run's clock (valid once entered, or when set absolutely); <see cref="Never.Deadline"/> for none.</summary>
    private TimeSpan _deadline = Never.Deadline;

    /// <summary>The relative deadline given before entry, applied on entry; null for an absolute scope.</summary>
    private TimeSpan? _relativeDeadline;

    /// <summary>True when <see cref="Deadline"/> was set before entry.</summary>
    private bool _absoluteDeadlineSet;

    /// <summary>Whether outer cancellations are blocked.</summary>
    private bool _shield;

    /// <summary>The run the scope was entered in.</summary>
    private Runner? _runner;

    /// <summary>The enclosing scope, or null for a run's root scope.</summary>
    private CancelScope? _parent;

    /// <summary>The scope's state in its single life: not yet entered, active, or exited.</summary>
    private ScopeState _state;

    /// <summary>True once <see cref="Cancel"/> was called or the deadline passed.</summary>
    private bool _cancelCalled;

    /// <summary>Why the scope was cancelled, once <see cref="_cancelCalled"/>.</summary>
    private CancelReason? _reason;

    /// <summary>Cached: cancelled, or the parent effectively cancelled and no shield. Kept current by <see cref="Recalculate"/>.</summary>
    private bool _effectivelyCancelled;

    /// <summary>The source behind <see cref="Token"/>, created on first use.</summary>
    private CancellationTokenSource? _tokenSource;

    /// <summary>Initializes a scope with no deadline and no shield.</summary>
    public CancelScope()
    {
    }

    /// <summary>The three states of a scope's single life.</summary>
    private enum ScopeState
    {
        /// <summary>Created, not yet entered.</summary>
        Unentered,

        /// <summary>Entered and not yet left.</summary>
        Active,

        /// <summary>Left.</summary>
        Exited,
    }

    /// <summary>
    /// Gets or sets the absolute deadline on the run's clock (see <see cref="Trio.CurrentTime"/>), or
    /// <see cref="Timeout.InfiniteTimeSpan"/>. Changing it while the scope is active takes effect at the loop's next pass.
    /// </summary>
    /// <exception cref="InvalidOperationException">Read before entry on a scope given a <see cref="RelativeDeadline"/>, or set before entry after one was given.</exception>
    public TimeSpan Deadline
    {
        get
        {
            if (_state == ScopeState.Unentered && _relativeDeadline is not null)
            {
                throw new InvalidOperationException(
                    "This CancelScope has a RelativeDeadline, which becomes an absolute Deadline only when RunAsync enters it; read Deadline inside the body.");
            }

            return Never.ToPublic(_deadline);
        }

        set
        {
            if (_state == ScopeState.Unentered)
            {
                if (_relativeDeadline is not null)
                {
                    throw new InvalidOperationException("Cannot specify both a Deadline and a RelativeDeadline on one CancelScope: choose one.");
                }

                _absoluteDeadlineSet = true;
                _deadline = Never.FromPublic(value);
                return;
            }

            _runner!.ThrowIfNotLoopThread("CancelScope.Deadline");
            _deadline = Never.FromPublic(value);
            RegisterDeadline();
        }
    }

    /// <summary>
    /// Gets or sets the deadline relative to now. Before entry it is stored and turned into <see cref="Deadline"/>
    /// when <see cref="RunAsync"/> enters the scope; once entered, reading gives the time left and writing moves the deadline.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    /// <exception cref="InvalidOperationException">Used before entry on a scope given an absolute <see cref="Deadline"/>.</exception>
    public TimeSpan RelativeDeadline
    {
        get
        {
            if (_state == ScopeState.Unentered)
            {
                if (_absoluteDeadlineSet)
                {
                    throw new InvalidOperationException(
                        "This CancelScope has an absolute Deadline and is not entered yet, so it has no relative deadline; read Deadline instead.");
                }

                return _relativeDeadline ?? Timeout.InfiniteTimeSpan;
            }

            return _deadline == Never.Deadline ? Timeout.InfiniteTimeSpan : _deadline - _runner!.Clock.Now;
        }

        set
        {
            if (Never.IsInvalidDuration(value))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "CancelScope.RelativeDeadline must be zero or more, or Timeout.InfiniteTimeSpan for no deadline.");
            }

            if (_state == ScopeState.Unentered)
            {
                if (_absoluteDeadlineSet)
                {
                    throw new InvalidOperationException("Cannot specify both a Deadline and a RelativeDeadline on one CancelScope: choose one.");
                }

                _relativeDeadline = value;
                return;
            }

            Deadline = Never.ToPublic(Never.DeadlineAfter(_runner!.Clock.Now, value));
        }
    }

    /// <summary>
    /// Gets or sets a value indicating whether the scope blocks cancellations from outside: code inside a shield
    /// is cancelled only by this scope or scopes inside it. Takes effect at once.
    /// </summary>
    public bool Shield
    {
        get => _shield;
        set
        {
            _runner?.ThrowIfNotLoopThread("CancelScope.Shield");
            _shield = value;
            if (_state == ScopeState.Active)
            {
                Recalculate();
            }
        }
    }

    /// <summary>Gets a value indicating whether the scope was cancelled: <see cref="Cancel"/> was called or its deadline passed. Never reverts.</summary>
    public bool CancelCalled
    {
        get
        {
            // Trio checks the deadline while the scope is active or not yet entered: an unentered scope whose absolute
            // deadline has passed is cancelled from then on, and entering it finds it so.
            if (!_cancelCalled && IsDeadlineDue())
            {
                CancelCore(new CancelReason(CancelSource.Deadline));
            }

            return _cancelCalled;
        }
    }

    /// <summary>Whether the deadline has passed, read on the loop thread of the scope's run (or, before entry, of the caller's run).</summary>
    private bool IsDeadlineDue() => _state switch
    {
        ScopeState.Active => _runner!.IsLoopThread && _runner.Clock.Now >= _deadline,
        ScopeState.Unentered => _deadline != Never.Deadline && Runner.CurrentOrNull is { IsLoopThread: true } runner && runner.Clock.Now >= _deadline,
        _ => false,
    };

    /// <summary>Gets a value indicating whether this scope caught a <see cref="Cancelled"/> when its body left it. Only the scope that absorbed the exception reports it.</summary>
    public bool CancelledCaught { get; private set; }

    /// <summary>Gets why the scope was cancelled, or <see langword="null"/> if it was not.</summary>
    public CancelReason? Reason => _reason;

    /// <summary>
    /// Gets a token that is cancelled when this scope becomes effectively cancelled (including through an outer
    /// scope, unless shielded), to pass to APIs that take a <see cref="CancellationToken"/>. An
    /// <see cref="OperationCanceledException"/> for this token is treated by the scope like <see cref="Cancelled"/>.
    /// </summary>
    public CancellationToken Token
    {
        get
        {
            _runner?.ThrowIfNotLoopThread("CancelScope.Token");
            if (_tokenSource is null)
            {
                _tokenSource = new CancellationTokenSource();
                if (_effectivelyCancelled)
                {
                    _tokenSource.Cancel();
                }
            }

            return _tokenSource.Token;
        }
    }

    /// <summary>Gets a value indicating whether cancel points inside the scope throw now.</summary>
    internal bool IsEffectivelyCancelled => _effectivelyCancelled;

    /// <summary>Gets the enclosing scope.</summary>
    internal CancelScope? Parent => _parent;

    /// <summary>Gets the generation of the scope's deadline registration in the timer heap.</summary>
    long ITimerTarget.TimerGeneration => _deadlineTimer.Generation;

    /// <summary>
    /// Cancels the scope: every cancel point inside it throws <see cref="Cancelled"/> from now until the code leaves it.
    /// Idempotent. May be called before entry (the scope is then cancelled on entry) and from any thread
    /// (from another thread it takes effect on the loop's next pass).
    /// </summary>
    /// <param name="reason">An optional reason, shown in <see cref="Cancelled"/>'s message.</param>
    public void Cancel(string? reason = null)
    {
        if (_runner is { } runner && !runner.IsLoopThread)
        {
            runner.PostInternal(() => Cancel(reason));
            return;
        }

        if (_cancelCalled)
        {
            return;
        }

        CancelCore(new CancelReason(CancelSource.Explicit, reason, Runner.TryGetCurrentTaskPath()));
    }

    /// <summary>Runs <paramref name="body"/> inside this scope and catches the scope's own cancellation.</summary>
    /// <param name="body">The code to run inside the scope.</param>
    /// <returns>A task that completes when the body has finished or was cancelled by this scope; other exceptions propagate.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The scope was already entered, or the call is not on a run's loop thread.</exception>
    [AsyncMethodBuilder(typeof(LoopTaskMethodBuilder))]
    public async Task RunAsync(Func<Task> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        Runner runner = Runner.GetCurrent("CancelScope.RunAsync");
        Ambient outer = runner.CurrentAmbient();
        Enter(runner, outer.Scope);
        Ambient.Current = new Ambient(outer.Task, this);
        try
        {
            await (body() ?? throw ThrowHelper.NullTaskFromBody("CancelScope.RunAsync"));
        }
        catch (Exception e) when (e is OperationCanceledException or NurseryException)
        {
            bool caught = false;
            Exception? rest = Split(e, ref caught);
            CancelledCaught |= caught;
            if (ReferenceEquals(rest, e))
            {
                throw;
            }

            if (rest is not null)
            {
                ExceptionDispatchInfo.Throw(rest);
            }
        }
        finally
        {
            Ambient.Current = outer;
            Exit();
        }
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        string deadline = _state == ScopeState.Unentered && _relativeDeadline is { } relative
            ? $"relative deadline {relative}"
            : _deadline == Never.Deadline ? "no deadline" : $"deadline {_deadline}";
        string state = _cancelCalled ? "cancelled" : _effectivelyCancelled ? "cancelled by an outer scope" : "not cancelled";
        return $"CancelScope({_state.ToString().ToLowerInvariant()}, {deadline}, {state}{(_shield ? ", shield" : string.Empty)})";
    }

    /// <inheritdoc/>
    void ITimerTarget.OnTimerFired(TimeSpan due)
    {
        _deadlineTimer.Fired();
        if (!_cancelCalled)
        {
            CancelCore(new CancelReason(CancelSource.Deadline));
        }
    }
}
