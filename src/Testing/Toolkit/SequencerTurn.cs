namespace TrioTest.Testing;

/// <summary>
/// The turn of one block of a <see cref="Sequencer"/>, returned by <see cref="Sequencer.EnterAsync"/>. Disposing it ends
/// the block and lets the next position in; use <c>using</c> or <c>await using</c>, which behave the same.
/// </summary>
/// <remarks>Disposing never yields, and disposing twice does nothing more. The default value belongs to no sequencer and disposing it does nothing.</remarks>
public readonly struct SequencerTurn : IDisposable, IAsyncDisposable
{
    /// <summary>The sequencer whose turn this is.</summary>
    private readonly Sequencer? _sequencer;

    /// <summary>Initializes the turn of <paramref name="position"/> in <paramref name="sequencer"/>.</summary>
    internal SequencerTurn(Sequencer sequencer, int position)
    {
        _sequencer = sequencer;
        Position = position;
    }

    /// <summary>Gets the position this turn is for.</summary>
    public int Position { get; }

    /// <summary>Ends the block, letting the block at the next position in.</summary>
    /// <exception cref="InvalidOperationException">Called from another thread while the run waits on the sequencer.</exception>
    public void Dispose() => _sequencer?.Exit(Position);

    /// <summary>Ends the block, letting the block at the next position in; completes at once, without a checkpoint.</summary>
    /// <returns>A completed awaitable.</returns>
    /// <exception cref="InvalidOperationException">Called from another thread while the run waits on the sequencer.</exception>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return default;
    }
}
