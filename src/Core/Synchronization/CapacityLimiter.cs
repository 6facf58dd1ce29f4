using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace TrioTest;

/// <summary>
/// Trio's <c>CapacityLimiter</c>: at most <see cref="TotalTokens"/> borrowers at once, each holding one token. A borrower
/// is the calling task by default, or any object (<see cref="AcquireOnBehalfOfAsync"/>), such as a connection handed
/// between tasks. Released tokens go to the longest-waiting borrower.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class CapacityLimiter : IHeldResource
{
    /// <summary>The waiting borrowers.</summary>
    private readonly ParkingLot _lot;

    /// <summary>The borrowers holding a token, in the order they took it.</summary>
    private readonly List<object> _borrowers = [];

    /// <summary>The borrower each parked waiter acquires for (looked up, never iterated).</summary>
    private readonly Dictionary<Waiter, object> _pending = [];

    /// <summary>The number of tokens.</summary>
    private int _totalTokens;

    /// <summary>Initializes a limiter.</summary>
    /// <param name="totalTokens">How many borrowers may hold a token at once; 1 or more.</param>
    /// <param name="name">A name shown in traces and deadlock reports.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="totalTokens"/> is less than 1.</exception>
    public CapacityLimiter(int totalTokens, string? name = null)
    {
        _lot = new ParkingLot(name is null ? "CapacityLimiter" : $"CapacityLimiter \"{name}\"")
        {
            Resource = this,

            // A waiter cancelled while parked forgets its borrower at once, so the limiter does not keep it alive.
            OnCancelled = waiter => _pending.Remove(waiter),
        };
        TotalTokens = totalTokens;
    }

    /// <summary>Gets or sets how many borrowers may hold a token at once. Raising it hands the new tokens to waiters; lowering it takes effect as tokens come back.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int TotalTokens
    {
        get => _totalTokens;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _lot.ThrowIfOffLoop("CapacityLimiter.TotalTokens");
            _totalTokens = value;
            HandOffTokens();
        }
    }

    /// <summary>Gets how many tokens are held.</summary>
    public int BorrowedTokens => _borrowers.Count;

    /// <summary>Gets how many tokens are free.</summary>
    public int AvailableTokens => Math.Max(0, _totalTokens - _borrowers.Count);

    /// <inheritdoc/>
    string IHeldResource.Description => _lot.Name;

    /// <inheritdoc/>
    IReadOnlyList<TrioTask> IHeldResource.Holders => _borrowers.OfType<TrioTask>().ToArray();

    /// <summary>Takes a token for the calling task, waiting for one to be free: a checkpoint.</summary>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    /// <returns>An awaitable; await it exactly once.</returns>
    /// <exception cref="InvalidOperationException">The task already holds a token, or the call is outside a run or off its loop thread.</exception>
    /// <exception cref="Cancelled">Thrown by the await if the scope is cancelled first; no token is then taken.</exception>
    public ValueTask AcquireAsync([CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0) =>
        AcquireCore(null, filePath, line);

    /// <summary>Takes a token for <paramref name="borrower"/>, waiting for one to be free: a checkpoint.</summary>
    /// <param name="borrower">Who holds the token; release it with <see cref="ReleaseOnBehalfOf"/> and the same object.</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    /// <returns>An awaitable; await it exactly once.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="borrower"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The borrower already holds a token, or the call is outside a run or off its loop thread.</exception>
    /// <exception cref="Cancelled">Thrown by the await if the scope is cancelled first.</exception>
    public ValueTask AcquireOnBehalfOfAsync(object borrower, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(borrower);
        return AcquireCore(borrower, filePath, line);
    }

    /// <summary>Takes a token for the calling task if one is free; never blocks, never yields.</summary>
    /// <returns><see langword="true"/> if a token was taken.</returns>
    /// <exception cref="InvalidOperationException">The task already holds a token, or the call is outside a run or off its loop thread.</exception>
    public bool TryAcquire() => TryAcquireOnBehalfOf(Runner.GetCurrent("CapacityLimiter.TryAcquire").CurrentAmbient().Task);

    /// <summary>Takes a token for <paramref name="borrower"/> if one is free; never blocks, never yields.</summary>
    /// <param name="borrower">Who holds the token.</param>
    /// <returns><see langword="true"/> if a token was taken.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="borrower"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The borrower already holds a token.</exception>
    public bool TryAcquireOnBehalfOf(object borrower)
    {
        ArgumentNullException.ThrowIfNull(borrower);
        _lot.ThrowIfOffLoop("CapacityLimiter.TryAcquireOnBehalfOf");
        ThrowIfBorrowing(borrower);
        if (_borrowers.Count >= _totalTokens || _lot.Count != 0)
        {
            return false;
        }

        _borrowers.Add(borrower);
        return true;
    }

    /// <summary>Gives back the calling task's token.</summary>
    /// <exception cref="InvalidOperationException">The task holds no token.</exception>
    public void Release() => ReleaseOnBehalfOf(Runner.GetCurrent("CapacityLimiter.Release").CurrentAmbient().Task);

    /// <summary>Gives back <paramref name="borrower"/>'s token; the longest-waiting borrower gets it.</summary>
    /// <param name="borrower">The borrower.</param>
    /// <exception cref="ArgumentNullException"><paramref name="borrower"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The borrower holds no token.</exception>
    public void ReleaseOnBehalfOf(object borrower)
    {
        ArgumentNullException.ThrowIfNull(borrower);
        _lot.ThrowIfOffLoop("CapacityLimiter.ReleaseOnBehalfOf");
        if (!_borrowers.Remove(borrower))
        {
            throw new InvalidOperationException($"{Describe(borrower)} released a token of {_lot.Name} it does not hold: release once per acquire, with the same borrower.");
        }

        HandOffTokens();
    }

    /// <summary>Gets the limiter's statistics.</summary>
    /// <returns>Tokens held and total, the borrowers, and the waiters.</returns>
    public CapacityLimiterStatistics GetStatistics() => new(_borrowers.Count, _totalTokens, _borrowers.ToArray(), _lot.Count);

    /// <inheritdoc/>
    public override string ToString() => $"{_lot.Name} ({_borrowers.Count} of {_totalTokens} borrowed, {_lot.Count} waiting)";

    /// <summary>Acquires for <paramref name="borrower"/>, or the calling task when null.</summary>
    private ValueTask AcquireCore(object? borrower, string filePath, int line)
    {
        Runner runner = Runner.GetCurrent("CapacityLimiter.AcquireAsync");
        Ambient ambient = runner.CurrentAmbient();
        borrower ??= ambient.Task;
        if (ambient.Scope.IsEffectivelyCancelled)
        {
            return runner.CancelledCheckpointAsync(ambient, _lot.Name, filePath, line);
        }

        ThrowIfBorrowing(borrower);

        if (_borrowers.Count < _totalTokens && _lot.Count == 0)
        {
            _borrowers.Add(borrower);
            ambient.Task.CancelPoints++;
            return runner.CheckpointAsync(CheckpointKind.Shielded, _lot.Name, filePath, line);
        }

        ValueTask wait = _lot.Park(runner, null, filePath, line, out Waiter? waiter);
        if (waiter is not null)
        {
            _pending[waiter] = borrower;
        }

        return wait;
    }

    /// <summary>Hands free tokens to the longest-waiting borrowers (skipping waiters that were cancelled).</summary>
    private void HandOffTokens()
    {
        while (_borrowers.Count < _totalTokens && _lot.PeekFirstWaiter() is { } waiter)
        {
            if (_pending.Remove(waiter, out object? borrower))
            {
                _borrowers.Add(borrower);
            }

            _lot.Unpark(1);
        }
    }

    /// <summary>Throws if <paramref name="borrower"/> holds a token already.</summary>
    private void ThrowIfBorrowing(object borrower)
    {
        if (_borrowers.Contains(borrower))
        {
            throw new InvalidOperationException($"{Describe(borrower)} already holds a token of {_lot.Name}: each borrower holds at most one. Use AcquireOnBehalfOfAsync with distinct borrowers.");
        }
    }

    /// <summary>Names a borrower in messages.</summary>
    private static string Describe(object borrower) => borrower is TrioTask task ? $"Task {task.Path}" : $"Borrower {borrower}";
}
