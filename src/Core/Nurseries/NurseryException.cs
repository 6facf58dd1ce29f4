namespace TrioTest;

/// <summary>
/// Thrown by <see cref="Nursery.RunAsync"/> when more than one task of the nursery (the body included) failed. Holds
/// every failure in the order they happened. A single failure is rethrown as itself, not wrapped.
/// </summary>
public sealed class NurseryException : AggregateException
{
    /// <summary>Initializes a new instance holding <paramref name="exceptions"/>.</summary>
    /// <param name="exceptions">The failures, in the order they happened.</param>
    public NurseryException(IEnumerable<Exception> exceptions)
        : this(exceptions?.ToArray() ?? throw new ArgumentNullException(nameof(exceptions)))
    {
    }

    /// <summary>Gets what a nursery throws for <paramref name="failures"/>: nothing, the one failure as itself, or a group.</summary>
    /// <param name="failures">The failures, in the order they happened; not kept.</param>
    /// <returns><see langword="null"/>, the single failure, or a new group holding all of them.</returns>
    internal static Exception? Of(List<Exception> failures) => failures.Count switch
    {
        0 => null,
        1 => failures[0],
        _ => new NurseryException(failures.ToArray()),
    };

    /// <summary>Initializes a new instance from an array already copied.</summary>
    private NurseryException(Exception[] exceptions)
        : base($"Exceptions from Trio nursery ({exceptions.Length} sub-exceptions)", exceptions)
    {
    }
}
