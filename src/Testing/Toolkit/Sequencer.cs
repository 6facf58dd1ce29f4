using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace TrioTest.Testing;

/// <summary>
/// Forces blocks of code in different tasks to run in a fixed order (Trio's <c>Sequencer</c>). Each block enters at a
/// position with <see cref="EnterAsync"/>: position 0 enters at once, and position N waits until the block at N - 1 has
/// exited, whether it finished or threw.
/// </summary>
/// <remarks>
/// <para>Each position can be entered once. A block cancelled while it waits for its turn breaks the sequence: it throws
/// <see cref="InvalidOperationException"/> instead of <see cref="Cancelled"/> (a test whose order was interrupted should
/// fail, not quietly stop), and every other waiter and every later <see cref="EnterAsync"/> throws too.</para>
/// <para>Each position waits on its own <see cref="Event"/>, named after the position, so a block that never gets its
/// turn shows up in deadlock reports as waiting for <c>Event "sequence point N"</c>.</para>
/// </remarks>
/// <example>
/// <code>
/// var sequencer = new Sequencer();
/// await Nursery.RunAsync(nursery =>
/// {
///     nursery.StartSoon(async () =>
///     {
///         using (await sequencer.EnterAsync(1)) { log.Add("second"); }
///     });
///     nursery.StartSoon(async () =>
///     {
///         using (await sequencer.EnterAsync(0)) { log.Add("first"); }
///         using (await sequencer.EnterAsync(2)) { log.Add("third"); }
///     });
///     return Task.CompletedTask;
/// });
/// </code>
/// </example>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class Sequencer
{
    /// <summary>The event each position waits on, created on first use; event N is set when block N - 1 exits.</summary>
    private readonly Dictionary<int, Event> _turns = [];

    /// <summary>The positions entered so far.</summary>
    private readonly HashSet<int> _claimed = [];

    /// <summary>The position whose wait was cancelled, breaking the sequence; <see langword="null"/> while it is whole.</summary>
    private int? _brokenAt;

    /// <summary>Gets a value indicating whether the sequence is broken: a block was cancelled while it waited for its turn.</summary>
    public bool IsBroken => _brokenAt is not null;

    /// <summary>
    /// Enters the block at <paramref name="position"/>, waiting until the block at the position before it has exited:
    /// a checkpoint for every position but 0, which enters at once without yielding.
    /// </summary>
    /// <param name="position">The block's place in the order, from 0.</param>
    /// <returns>The block's turn; dispose it (<c>using</c> or <c>await using</c>) when the block ends, to let the next position in.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="position"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">The position was entered before, or the sequence is broken, or the wait
    /// for the turn was cancelled (which breaks the sequence), or the call is outside a run.</exception>
    public ValueTask<SequencerTurn> EnterAsync(int position)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        if (_claimed.Contains(position))
        {
            throw new InvalidOperationException($"Attempted to reuse sequence point {position}: each position of a Sequencer can be entered once.");
        }

        ThrowIfBroken(position);
        _claimed.Add(position);
        return position == 0 ? new ValueTask<SequencerTurn>(new SequencerTurn(this, 0)) : WaitForTurnAsync(position);
    }

    /// <inheritdoc/>
    public override string ToString() => _brokenAt is { } at
        ? $"Sequencer (broken at position {at})"
        : $"Sequencer ({_claimed.Count} positions entered)";

    /// <summary>Lets the block after <paramref name="position"/> in; called when the block at <paramref name="position"/> exits.</summary>
    internal void Exit(int position) => TurnOf(position + 1).Set();

    /// <summary>Waits for the turn of <paramref name="position"/>; a cancelled wait breaks the sequence.</summary>
    [AsyncMethodBuilder(typeof(LoopValueTaskMethodBuilder<>))]
    private async ValueTask<SequencerTurn> WaitForTurnAsync(int position)
    {
        _ = CurrentTask.Get("Sequencer.EnterAsync");
        try
        {
            await TurnOf(position).WaitAsync(string.Empty, 0);
        }
        catch (Cancelled)
        {
            Break(position);

            // Not Cancelled: the cancel scope would absorb it, and the test would pass with its order never checked.
            throw new InvalidOperationException(
                $"Sequencer wait cancelled -- sequence broken: the block at position {position} was cancelled while it waited for position {position - 1} to exit, so no later position can run in order.");
        }

        ThrowIfBroken(position);
        return new SequencerTurn(this, position);
    }

    /// <summary>Marks the sequence broken at <paramref name="position"/> and wakes every waiter, so each can fail.</summary>
    private void Break(int position)
    {
        _brokenAt = position;
        foreach (Event turn in _turns.Values)
        {
            turn.Set();
        }
    }

    /// <summary>Throws if the sequence is broken.</summary>
    private void ThrowIfBroken(int position)
    {
        if (_brokenAt is { } at)
        {
            throw new InvalidOperationException(
                $"Sequence broken: position {position} cannot run in order, because the block at position {at} was cancelled while it waited for its turn.");
        }
    }

    /// <summary>Gets the event that <paramref name="position"/> waits on, creating it on first use.</summary>
    private Event TurnOf(int position)
    {
        if (!_turns.TryGetValue(position, out Event? turn))
        {
            turn = new Event($"sequence point {position}");
            _turns.Add(position, turn);
        }

        return turn;
    }
}
